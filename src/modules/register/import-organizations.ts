import { and, eq, inArray } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { recordAudits } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseEach } from "../../kernel/validate";
import { ORGANIZATION_CREATED } from "./create-organization";
import { importOrganization } from "./import-organization";
import { ZCreateOrganizationInput } from "./inputs";
import { insertContactPoints } from "./insert-contact-points";
import { loadCustomAttributes } from "./list-custom-attributes";
import { newOrganization, type TNewOrganization } from "./new-organization";
import { externalIds, organizations } from "./schema";

export type TImportOrganizationInput = Parameters<typeof importOrganization>[1];
export type TImportedOrganization = "created" | "updated" | "unchanged" | { error: AppError };

/**
 * The organisation rows of an import's batch, each as `importOrganization` takes one, in one
 * transaction. The organisations the register has already are found with three queries for the
 * batch; the new ones are validated and written with one statement per table, their audit
 * entries and events likewise, where each took some fifteen statements alone. Rows naming a known
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
    const prepared = new Map<number, TNewOrganization>();
    for (const { index, data } of valid) {
      if (inputs[index]?.id) continue;
      const errors = new FieldErrors();
      try {
        const organization = newOrganization(tx, data, Object.keys(inputs[index] ?? {}), definitions, errors);
        if (organization) prepared.set(index, organization);
        else
          results[index] = {
            error: new AppError("validation_failed", "The input is not valid", { fields: errors.list }),
          };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { error };
      }
    }
    const known = await knownKeys(tx, [...prepared.values()]);
    // A row is new when nothing it is known by is in the register or named by another row of the
    // batch that comes before it, or that goes one at a time (a known organisation taking a new id).
    const oneAtATime = valid
      .map(({ index }) => index)
      .filter((index) => results[index] === undefined && !prepared.has(index));
    const claimed = new Set<string>();
    for (const index of oneAtATime) for (const key of rowKeys(inputs[index])) claimed.add(key);
    const creates: Array<{ index: number; organization: TNewOrganization }> = [];
    for (const { index } of valid) {
      const organization = prepared.get(index);
      if (!organization) continue;
      const keys = organizationKeys(organization);
      if (keys.some((key) => known.has(key) || claimed.has(key))) oneAtATime.push(index);
      else creates.push({ index, organization });
      for (const key of keys) claimed.add(key);
    }
    await insertOrganizations(
      tx,
      creates.map(({ organization }) => organization),
    );
    for (const { index } of creates) results[index] = "created";
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

/** What an input row may name an organisation by, before it is validated. */
function rowKeys(input: TImportOrganizationInput | undefined): string[] {
  if (!input) return [];
  const keys: string[] = [];
  if (input.externalId) keys.push(`external:${input.source.system}:${input.externalId}`);
  const digits = input.organisationsnummer?.replace(/\D/g, "");
  if (digits) keys.push(`orgnr:${digits.slice(-10)}`);
  return keys;
}

/** What a new organisation is known by: its source's id and its organisationsnummer. */
function organizationKeys(organization: TNewOrganization): string[] {
  const keys: string[] = [];
  if (organization.externalId) keys.push(`external:${organization.source.system}:${organization.externalId}`);
  const digits = organization.row.organisationsnummer?.replace(/\D/g, "");
  if (digits) keys.push(`orgnr:${digits.slice(-10)}`);
  return keys;
}

/** Which of the new organisations' keys the register already holds. */
async function knownKeys(ctx: Ctx, prepared: TNewOrganization[]): Promise<Set<string>> {
  const known = new Set<string>();
  const numbers = prepared.flatMap((organization) =>
    organization.row.organisationsnummer ? [organization.row.organisationsnummer] : [],
  );
  if (numbers.length > 0) {
    const holders = await ctx.db
      .select({ number: organizations.organisationsnummer })
      .from(organizations)
      .where(inArray(organizations.organisationsnummer, numbers));
    for (const { number } of holders) if (number) known.add(`orgnr:${number.replace(/\D/g, "").slice(-10)}`);
  }
  const bySystem = new Map<string, string[]>();
  for (const organization of prepared) {
    if (!organization.externalId) continue;
    const ids = bySystem.get(organization.source.system) ?? [];
    ids.push(organization.externalId);
    bySystem.set(organization.source.system, ids);
  }
  for (const [system, ids] of bySystem) {
    const linked = await ctx.db
      .select({ externalId: externalIds.externalId })
      .from(externalIds)
      .where(
        and(
          eq(externalIds.entity, "organization"),
          eq(externalIds.system, system),
          inArray(externalIds.externalId, ids),
        ),
      );
    for (const { externalId } of linked) known.add(`external:${system}:${externalId}`);
  }
  return known;
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
