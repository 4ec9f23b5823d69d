import { inArray } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { recordAudits } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseEach } from "../../kernel/validate";
import {
  loadKnownOrganizations,
  planOrganizationChange,
  type TOrganizationWrite,
  writeOrganizationChanges,
} from "./change-imported-organizations";
import { ORGANIZATION_CREATED } from "./create-organization";
import type { TCustomAttribute } from "./custom-attribute-definition";
import { givenOrganisationsnummer, importOrganization } from "./import-organization";
import { ZCreateOrganizationInput } from "./inputs";
import { insertContactPoints } from "./insert-contact-points";
import { loadCustomAttributes } from "./list-custom-attributes";
import { newOrganization, type TNewOrganization } from "./new-organization";
import { ORGANIZATION_COLUMN_TYPES, organizationColumns } from "./organization-columns";
import { recordsByExternalId } from "./records-by-external-id";
import { externalIds, organizations } from "./schema";

export type TImportOrganizationInput = Parameters<typeof importOrganization>[1];
export type TImportedOrganization = "created" | "updated" | "unchanged" | { error: AppError };

/**
 * The organisation rows of an import's batch, each as `importOrganization` takes one, in one
 * transaction. The organisations the rows name are found with a query or two for the batch; the
 * new ones are validated and written with one statement per table, their audit entries and
 * events likewise, where each took some fifteen statements alone. The known organisations the
 * rows name are locked and read with four queries for the batch, and what each row changes on
 * one (values, e-mails, phones, a move) is written with a statement per table for the batch,
 * where each row took some thirty; a row that repeats what the register holds (a daily file
 * from the ERP) writes nothing. Rows naming an organisation an earlier row of the batch also
 * names, and the rare row whose VAT number would give its organisation an organisationsnummer,
 * go through `importOrganization` one at a time after them, in file order. Each row gets its
 * own result.
 */
export async function importOrganizations(
  ctx: Ctx,
  inputs: readonly TImportOrganizationInput[],
): Promise<TImportedOrganization[]> {
  authorize(ctx.actor, "register", "write");
  const results: TImportedOrganization[] = new Array(inputs.length);
  const { valid, refused } = parseEach(
    ZCreateOrganizationInput,
    inputs.map(({ id: _named, ...fields }) => fields),
  );
  return withTransaction(ctx, async (tx) => {
    const definitions = await loadCustomAttributes(tx.db, "organization");
    for (const { index, error } of refused) {
      results[index] = { error: withOtherFaults(tx, inputs[index], error, definitions) };
    }
    // Each row read as a new organisation would be: its values as the register stores them, or
    // why it could not be one (which stands only if the row names no organisation the register has).
    const prepared = new Map<number, TNewOrganization>();
    const faults = new Map<number, AppError>();
    for (const { index, data } of valid) {
      const errors = new FieldErrors();
      try {
        const organization = newOrganization(tx, data, Object.keys(inputs[index] ?? {}), definitions, errors);
        if (organization) prepared.set(index, organization);
        else faults.set(index, new AppError("validation_failed", "The input is not valid", { fields: errors.list }));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        faults.set(index, error);
      }
    }
    const keysOf = (index: number) => {
      const organization = prepared.get(index);
      return [...new Set([...rowKeys(inputs[index]), ...(organization ? organizationKeys(organization) : [])])];
    };
    const rows = valid.map(({ index, data }) => ({ index, data, keys: keysOf(index) }));
    const known = await knownOrganizations(
      tx,
      rows.flatMap((row) => row.keys),
    );
    // Whom a row names: by register id, else by the source's id, else by organisationsnummer.
    const targetOf = (index: number, keys: string[]) =>
      inputs[index]?.id ??
      keys.filter((key) => key.startsWith("external:")).map((key) => known.get(key))[0] ??
      keys.filter((key) => key.startsWith("orgnr:")).map((key) => known.get(key))[0];
    const oneAtATime: number[] = [];
    const claimed = new Set<string>();
    const creates: Array<{ index: number; organization: TNewOrganization }> = [];
    const repeats: Array<(typeof rows)[number] & { id: string; organization: TNewOrganization }> = [];
    for (const row of rows) {
      const { index, keys } = row;
      const organization = prepared.get(index);
      const target = targetOf(index, keys);
      // Two rows naming one organisation, by whatever key, are applied in file order.
      const names = target ? [...keys, `organization:${target}`] : keys;
      const namedBefore = names.some((key) => claimed.has(key));
      for (const key of names) claimed.add(key);
      if (target && organization && !namedBefore) repeats.push({ ...row, id: target, organization });
      else if (target || namedBefore) oneAtATime.push(index);
      else if (organization) creates.push({ index, organization });
      else results[index] = { error: faults.get(index) as AppError };
    }
    await insertOrganizations(
      tx,
      creates.map(({ organization }) => organization),
    );
    for (const { index } of creates) results[index] = "created";
    const held = await loadKnownOrganizations(
      tx,
      repeats.map((repeat) => repeat.id),
    );
    const links: Array<{ id: string; input: TImportOrganizationInput }> = [];
    const writes: TOrganizationWrite[] = [];
    for (const { index, id, organization, data } of repeats) {
      const input = inputs[index] as TImportOrganizationInput;
      const current = held.get(id);
      const linkedTo = input.externalId ? known.get(externalKey(input.source.system, input.externalId)) : id;
      // An id unknown, or a source id naming another organisation: refused as a single row is.
      const change =
        current && (linkedTo === undefined || linkedTo === id)
          ? planOrganizationChange(tx, data, organization, current, definitions)
          : ({ outcome: "alone" } as const);
      if (change.outcome === "alone") oneAtATime.push(index);
      else if (change.outcome === "refused") results[index] = { error: change.error };
      else {
        // A second system's file naming companies the first brought in: its ids are new.
        if (linkedTo === undefined) links.push({ id, input });
        if (change.outcome === "changed") writes.push(change.write);
        results[index] = linkedTo === undefined || change.outcome === "changed" ? "updated" : "unchanged";
      }
    }
    await linkExternalIds(tx, links);
    await writeOrganizationChanges(tx, writes);
    for (const index of oneAtATime.sort((a, b) => a - b)) {
      try {
        results[index] = await withTransaction(tx, (row) => importOrganization(row, inputs[index] as never));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { error };
      }
    }
    return results;
  });
}

const externalKey = (system: string, externalId: string) => `external:${JSON.stringify([system, externalId])}`;

/** What an input row may name an organisation by, before it is validated. */
function rowKeys(input: TImportOrganizationInput | undefined): string[] {
  if (!input) return [];
  const keys: string[] = [];
  if (input.externalId) keys.push(externalKey(input.source.system, input.externalId));
  const digits = givenOrganisationsnummer(input)?.replace(/\D/g, "");
  if (digits && digits.length >= 10) keys.push(`orgnr:${digits.slice(-10)}`);
  return keys;
}

/** What a new organisation is known by: its source's id and its organisationsnummer. */
function organizationKeys(organization: TNewOrganization): string[] {
  const keys: string[] = [];
  if (organization.externalId) keys.push(externalKey(organization.source.system, organization.externalId));
  if (organization.row.organisationsnummer) keys.push(`orgnr:${organization.row.organisationsnummer}`);
  return keys;
}

/** The organisations the register holds under the keys: key → organisation id. */
async function knownOrganizations(ctx: Ctx, keys: readonly string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const numbers = [...new Set(keys.filter((key) => key.startsWith("orgnr:")).map((key) => key.slice(6)))];
  if (numbers.length > 0) {
    const holders = await ctx.db
      .select({ id: organizations.id, number: organizations.organisationsnummer })
      .from(organizations)
      .where(inArray(organizations.organisationsnummer, numbers));
    for (const { id, number } of holders) known.set(`orgnr:${number}`, id);
  }
  const bySystem = new Map<string, Set<string>>();
  for (const key of keys) {
    if (!key.startsWith("external:")) continue;
    const [system, externalId] = JSON.parse(key.slice(9)) as [string, string];
    bySystem.set(system, (bySystem.get(system) ?? new Set()).add(externalId));
  }
  for (const [system, ids] of bySystem) {
    const linked = await recordsByExternalId(ctx, "organization", system, ids);
    for (const [externalId, id] of linked) known.set(externalKey(system, externalId), id);
  }
  return known;
}

/**
 * Links source ids to the organisations the rows found by organisationsnummer or register id. An
 * id another import linked meanwhile fails the batch, which is then written again and finds it.
 */
async function linkExternalIds(
  ctx: Ctx,
  links: ReadonlyArray<{ id: string; input: TImportOrganizationInput }>,
): Promise<void> {
  if (links.length === 0) return;
  const receivedAt = ctx.clock.now();
  await ctx.db.insert(externalIds).values(
    links.map(({ id, input }) => ({
      system: input.source.system,
      externalId: input.externalId as string,
      entity: "organization" as const,
      entityId: id,
      receivedAt,
    })),
  );
}

/** New organisations of a batch, with one statement per table (see copyRows). */
async function insertOrganizations(ctx: Ctx, created: TNewOrganization[]): Promise<void> {
  if (created.length === 0) return;
  await copyRows(
    ctx.db,
    "organizations",
    ORGANIZATION_COLUMN_TYPES,
    created.map(({ row }) => organizationColumns(row)),
  );
  await insertContactPoints(
    ctx,
    "organization_id",
    created.map(({ row, emails, phones, address, source }) => ({ ownerId: row.id, emails, phones, address, source })),
  );
  await copyRows(
    ctx.db,
    "external_ids",
    { system: "text", external_id: "text", entity: "text", entity_id: "uuid", received_at: "timestamptz" },
    created.flatMap(({ row, externalId, source }) =>
      externalId === null
        ? []
        : [
            {
              system: source.system,
              external_id: externalId,
              entity: "organization",
              entity_id: row.id,
              received_at: row.createdAt,
            },
          ],
    ),
  );
  await recordAudits(
    ctx,
    created.map(({ row, emails, phones, address }) => ({
      action: "organization.create",
      entity: "organization",
      entityId: row.id,
      after: { ...row, emails, phones, addresses: address ? [address] : [] },
    })),
  );
  await emitEvents(
    ctx,
    ORGANIZATION_CREATED,
    created.map(({ row }) => ({ organizationId: row.id })),
    { background: true },
  );
}

/**
 * A row the input's schema refused, with the faults the rest of it has too: the fields at fault
 * left out, the others read as a new organisation would be. Otherwise a file's user mends the
 * negative employee count, runs the file again, and only then learns of its e-mail and postcode.
 */
function withOtherFaults(
  ctx: Ctx,
  input: TImportOrganizationInput | undefined,
  error: AppError,
  definitions: readonly TCustomAttribute[],
): AppError {
  const refusedFields = new Set(error.fields.map((fault) => fault.field.split(".")[0]));
  const { id: _named, ...fields } = input ?? {};
  const rest = ZCreateOrganizationInput.safeParse(
    Object.fromEntries(Object.entries(fields).filter(([key]) => !refusedFields.has(key))),
  );
  if (!rest.success) return error;
  const others = new FieldErrors();
  newOrganization(ctx, rest.data, [], definitions, others);
  if (others.list.length === 0) return error;
  return new AppError("validation_failed", "The input is not valid", { fields: [...error.fields, ...others.list] });
}
