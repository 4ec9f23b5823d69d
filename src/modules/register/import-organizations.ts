import { and, eq, inArray, isNull } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { recordAudits } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseEach } from "../../kernel/validate";
import { ORGANIZATION_CREATED } from "./create-organization";
import { IMPORTED_FIELDS, importOrganization, sameValue } from "./import-organization";
import { ZCreateOrganizationInput } from "./inputs";
import { insertContactPoints } from "./insert-contact-points";
import { loadCustomAttributes } from "./list-custom-attributes";
import { newOrganization, type TNewOrganization } from "./new-organization";
import type { NormalAddress } from "./normalize";
import { addresses, emails, externalIds, organizations, phones } from "./schema";

export type TImportOrganizationInput = Parameters<typeof importOrganization>[1];
export type TImportedOrganization = "created" | "updated" | "unchanged" | { error: AppError };

/**
 * The organisation rows of an import's batch, each as `importOrganization` takes one, in one
 * transaction. The organisations the rows name are found with a query or two for the batch; the
 * new ones are validated and written with one statement per table, their audit entries and
 * events likewise, where each took some fifteen statements alone; a row that repeats what the
 * register holds of a known organisation is found unchanged with four queries for the batch
 * (a daily file from the ERP), where each took some thirty. Rows that change a known
 * organisation, and rows naming one an earlier row of the batch also names, go through
 * `importOrganization` one at a time after them, in file order. Each row gets its own result.
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
  for (const { index, error } of refused) results[index] = { error };
  return withTransaction(ctx, async (tx) => {
    const definitions = await loadCustomAttributes(tx.db, "organization");
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
    const rows = valid.map(({ index }) => ({ index, keys: keysOf(index) }));
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
    const repeats: Array<{ index: number; id: string; organization: TNewOrganization }> = [];
    for (const { index, keys } of rows) {
      const organization = prepared.get(index);
      const target = targetOf(index, keys);
      // Two rows naming one organisation, by whatever key, are applied in file order.
      const names = target ? [...keys, `organization:${target}`] : keys;
      const namedBefore = names.some((key) => claimed.has(key));
      for (const key of names) claimed.add(key);
      if (target && organization && !namedBefore) repeats.push({ index, id: target, organization });
      else if (target || namedBefore) oneAtATime.push(index);
      else if (organization) creates.push({ index, organization });
      else results[index] = { error: faults.get(index) as AppError };
    }
    await insertOrganizations(
      tx,
      creates.map(({ organization }) => organization),
    );
    for (const { index } of creates) results[index] = "created";
    const same = await sameRows(tx, repeats, inputs, known);
    // A second system's file naming companies the first brought in: only its ids are new.
    const links = repeats.filter(({ index }) => same.get(index) === "unlinked");
    await linkExternalIds(
      tx,
      links.map(({ index, id }) => ({ id, input: inputs[index] as TImportOrganizationInput })),
    );
    for (const { index } of repeats) {
      const found = same.get(index);
      if (found === "unchanged") results[index] = "unchanged";
      else if (found === "unlinked") results[index] = "updated";
      else oneAtATime.push(index);
    }
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
  const digits = input.organisationsnummer?.replace(/\D/g, "");
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
    const linked = await ctx.db
      .select({ externalId: externalIds.externalId, id: externalIds.entityId })
      .from(externalIds)
      .where(
        and(
          eq(externalIds.entity, "organization"),
          eq(externalIds.system, system),
          inArray(externalIds.externalId, [...ids]),
        ),
      );
    for (const { externalId, id } of linked) known.set(externalKey(system, externalId), id);
  }
  return known;
}

/**
 * Which rows naming a known organisation repeat what the register holds, as `importOrganization`
 * would find: every value the row gives is the stored one, its e-mails and phones are among the
 * organisation's, and its address is a current one. Such a row is `unchanged` when its source id
 * already names the organisation, `unlinked` when no organisation has that id yet. Four queries
 * for the batch.
 */
async function sameRows(
  ctx: Ctx,
  repeats: ReadonlyArray<{ index: number; id: string; organization: TNewOrganization }>,
  inputs: readonly TImportOrganizationInput[],
  known: ReadonlyMap<string, string>,
): Promise<Map<number, "unchanged" | "unlinked">> {
  const same = new Map<number, "unchanged" | "unlinked">();
  if (repeats.length === 0) return same;
  const ids = [...new Set(repeats.map((repeat) => repeat.id))];
  const stored = new Map(
    (await ctx.db.select().from(organizations).where(inArray(organizations.id, ids))).map((row) => [row.id, row]),
  );
  const held = new Map<string, Set<string>>();
  const hold = (id: string | null, value: string) => {
    if (id) held.set(id, (held.get(id) ?? new Set()).add(value));
  };
  for (const row of await ctx.db
    .select({ id: emails.organizationId, canonical: emails.canonical })
    .from(emails)
    .where(and(inArray(emails.organizationId, ids), isNull(emails.removedAt)))) {
    hold(row.id, `email:${row.canonical}`);
  }
  for (const row of await ctx.db
    .select({ id: phones.organizationId, e164: phones.e164 })
    .from(phones)
    .where(and(inArray(phones.organizationId, ids), isNull(phones.removedAt)))) {
    hold(row.id, `phone:${row.e164}`);
  }
  for (const row of await ctx.db
    .select()
    .from(addresses)
    .where(and(inArray(addresses.organizationId, ids), isNull(addresses.validTo)))) {
    hold(row.organizationId, `address:${addressKey(row)}`);
  }
  for (const { index, id, organization } of repeats) {
    const input = inputs[index];
    const current = stored.get(id);
    if (!input || !current) continue;
    const linkedTo = input.externalId ? known.get(externalKey(input.source.system, input.externalId)) : id;
    if (linkedTo !== undefined && linkedTo !== id) continue;
    const given = (field: (typeof IMPORTED_FIELDS)[number]) => input[field] !== undefined && input[field] !== null;
    const fieldsSame = IMPORTED_FIELDS.every((field) =>
      !given(field)
        ? true
        : field === "custom"
          ? Object.keys(input.custom ?? {}).every((key) =>
              sameValue(organization.row.custom[key] ?? null, current.custom[key] ?? null),
            )
          : sameValue(organization.row[field], current[field]),
    );
    const points = [
      ...organization.emails.map((email) => `email:${email.canonical}`),
      ...organization.phones.map((phone) => `phone:${phone.e164}`),
      ...(organization.address ? [`address:${addressKey(organization.address)}`] : []),
    ];
    if (fieldsSame && points.every((point) => held.get(id)?.has(point))) {
      same.set(index, linkedTo === id ? "unchanged" : "unlinked");
    }
  }
  return same;
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

/** An address as the register compares one: kind and place, not when it was moved to. */
function addressKey(address: Omit<NormalAddress, "validFrom">): string {
  const { kind, street, careOf, box, apartment, postalCode, city, country } = address;
  return JSON.stringify([kind, street, careOf, box, apartment, postalCode, city, country]);
}

/** New organisations of a batch, with one statement per table (see copyRows). */
async function insertOrganizations(ctx: Ctx, created: TNewOrganization[]): Promise<void> {
  if (created.length === 0) return;
  await copyRows(
    ctx.db,
    "organizations",
    {
      id: "uuid",
      name: "text",
      organisationsnummer: "text",
      group_digit: "smallint",
      legal_form: "text",
      vat_number: "text",
      sni_code: "text",
      industry: "text",
      employees: "integer",
      revenue_sek: "bigint",
      website: "text",
      parent_id: "uuid",
      owner_id: "uuid",
      owner_team_id: "uuid",
      custom: "jsonb",
      lineage: "jsonb",
      search_text: "text",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    created.map(({ row }) => ({
      id: row.id,
      name: row.name,
      organisationsnummer: row.organisationsnummer,
      group_digit: row.groupDigit,
      legal_form: row.legalForm,
      vat_number: row.vatNumber,
      sni_code: row.sniCode,
      industry: row.industry,
      employees: row.employees,
      revenue_sek: row.revenueSek,
      website: row.website,
      parent_id: row.parentId,
      owner_id: row.ownerId,
      owner_team_id: row.ownerTeamId,
      custom: row.custom,
      lineage: row.lineage,
      search_text: row.searchText,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })),
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
