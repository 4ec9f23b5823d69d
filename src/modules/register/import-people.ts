import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { insertJsonRows } from "../../db/bulk";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import type { NormalEmail, NormalPhone } from "./contact-points";
import { validateCustomValues } from "./custom-values";
import { lineageColumns, stampLineage } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import {
  buildSearchText,
  greetingFor,
  type NormalAddress,
  normalizeAddress,
  normalizeEmailAddress,
  normalizeNames,
  normalizePersonnummer,
  normalizePhoneNumber,
  resolvePreferredParts,
} from "./normalize";
import { refreshPersonSearch } from "./refresh-search";
import { addresses, emails, externalIds, LIFECYCLE_STAGES, people, phones, type TLineage } from "./schema";

/** One CSV row, already mapped to field names; every value is text as it came from the file. */
export type TPersonImportRow = Record<string, string | undefined>;

export interface TImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface TImportBatchResult {
  created: number;
  updated: number;
  failed: number;
  errors: TImportRowError[];
}

export const ZImportOptions = z.object({
  system: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,59}$/, "A lower-case system name such as webshop"),
  dryRun: z.boolean().default(false),
});

interface NormalRow {
  row: number;
  externalId: string;
  givenNames: string;
  surname: string;
  preferred: number[] | null;
  personnummer: ReturnType<typeof normalizePersonnummer>;
  birthDate: string | null;
  language: string | null;
  lifecycleStage: (typeof LIFECYCLE_STAGES)[number] | null;
  emails: NormalEmail[];
  phones: NormalPhone[];
  address: NormalAddress | null;
  custom: Record<string, unknown>;
  fields: string[];
}

export const PEOPLE_IMPORTED = "person.imported";

const ADDRESS_FIELDS = ["street", "careOf", "box", "apartment", "postalCode", "city", "country"] as const;

/**
 * Imports one batch of people from a source system, idempotently: a row whose external id (or
 * personnummer) is already known updates that person, a new one creates a person. Rows that
 * fail are reported with the row number and field; the valid rows of the batch still land.
 */
export async function importPeople(
  ctx: Ctx,
  rows: ReadonlyArray<{ row: number; values: TPersonImportRow }>,
  options: z.input<typeof ZImportOptions>,
): Promise<TImportBatchResult> {
  authorize(ctx.actor, "register", "write");
  const { system, dryRun } = ZImportOptions.parse(options);
  const definitions = await loadCustomAttributes(ctx.db, "person");
  const errors: TImportRowError[] = [];
  const valid: NormalRow[] = [];
  const seenExternal = new Set<string>();
  const now = ctx.clock.now();
  for (const { row, values } of rows) {
    const fieldErrors = new FieldErrors();
    const normal = normalizeRow(values, fieldErrors, definitions, now);
    if (normal && seenExternal.has(normal.externalId)) {
      fieldErrors.add("externalId", "duplicate_in_file", `External id ${normal.externalId} appears twice in the file`);
    }
    if (fieldErrors.list.length > 0 || !normal) {
      errors.push(...fieldErrors.list.map((error) => ({ row, ...error })));
      continue;
    }
    seenExternal.add(normal.externalId);
    valid.push({ ...normal, row });
  }
  const failedRows = new Set(errors.map((error) => error.row));
  if (valid.length === 0) return { created: 0, updated: 0, failed: failedRows.size, errors };

  return withTransaction(ctx, async (tx) => {
    const known = await tx.db
      .select({ externalId: externalIds.externalId, personId: externalIds.entityId })
      .from(externalIds)
      .where(
        and(
          eq(externalIds.entity, "person"),
          eq(externalIds.system, system),
          inArray(
            externalIds.externalId,
            valid.map((row) => row.externalId),
          ),
        ),
      );
    const byExternal = new Map(known.map((row) => [row.externalId, row.personId]));
    const pnrs = valid.flatMap((row) => (row.personnummer ? [row.personnummer.personnummer] : []));
    const holders = pnrs.length
      ? await tx.db
          .select({ id: people.id, personnummer: people.personnummer })
          .from(people)
          .where(inArray(people.personnummer, pnrs))
      : [];
    const byPnr = new Map(holders.map((row) => [row.personnummer, row.id]));

    const creates: Array<NormalRow & { id: string }> = [];
    const updates: Array<NormalRow & { id: string; linkExternal: boolean }> = [];
    const pnrInBatch = new Map<string, number>();
    for (const row of valid) {
      const pnr = row.personnummer?.personnummer;
      if (pnr && pnrInBatch.has(pnr)) {
        errors.push({
          row: row.row,
          field: "personnummer",
          code: "duplicate_in_file",
          message: `Same personnummer as row ${pnrInBatch.get(pnr)}`,
        });
        continue;
      }
      if (pnr) pnrInBatch.set(pnr, row.row);
      const existing = byExternal.get(row.externalId);
      const pnrHolder = pnr ? byPnr.get(pnr) : undefined;
      if (existing && pnrHolder && pnrHolder !== existing) {
        errors.push({
          row: row.row,
          field: "personnummer",
          code: "duplicate",
          message: "This personnummer belongs to another person in the register",
        });
      } else if (existing) {
        updates.push({ ...row, id: existing, linkExternal: false });
      } else if (pnrHolder) {
        updates.push({ ...row, id: pnrHolder, linkExternal: true });
      } else {
        creates.push({ ...row, id: newId(tx) });
      }
    }
    const failed = new Set(errors.map((error) => error.row)).size;
    if (dryRun) return { created: creates.length, updated: updates.length, failed, errors };

    const source = (row: NormalRow): TLineage => ({
      system,
      externalId: row.externalId,
      receivedAt: now.toISOString(),
    });
    if (creates.length > 0) await insertCreatedPeople(tx, creates, source, system, now);
    for (const row of updates) await applyUpdate(tx, row, source(row), system, now);

    await recordAudit(tx, {
      action: "person.import_batch",
      entity: "person",
      entityId: null,
      after: {
        system,
        created: creates.map((row) => ({ id: row.id, externalId: row.externalId })),
        updated: updates.map((row) => ({ id: row.id, externalId: row.externalId })),
      },
    });
    await emitEvent(tx, PEOPLE_IMPORTED, {
      system,
      created: creates.map((row) => row.id),
      updated: updates.map((row) => row.id),
    });
    return { created: creates.length, updated: updates.length, failed, errors };
  });
}

function normalizeRow(
  values: TPersonImportRow,
  errors: FieldErrors,
  definitions: Awaited<ReturnType<typeof loadCustomAttributes>>,
  today: Date,
): Omit<NormalRow, "row"> | null {
  const text = (key: string) => values[key]?.trim() || undefined;
  const externalId = text("externalId");
  if (!externalId) errors.add("externalId", "required", "Every row needs the id it has in the source system");
  const givenRaw = text("givenNames");
  const surnameRaw = text("surname");
  if (!givenRaw) errors.add("givenNames", "required", "Given names are required");
  if (!surnameRaw) errors.add("surname", "required", "A surname is required");
  if (!givenRaw || !surnameRaw || !externalId) return null;
  const names = normalizeNames(givenRaw, surnameRaw);
  const preferred = resolvePreferredParts(
    names.givenNames,
    { preferredNameMarking: text("preferredNameMarking"), preferredGivenName: text("preferredGivenName") },
    errors,
  );
  const pnrRaw = text("personnummer");
  const personnummer = pnrRaw ? normalizePersonnummer(pnrRaw, "personnummer", errors, today) : null;
  const birthDate = text("birthDate") ?? null;
  if (birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
    errors.add("birthDate", "invalid_date", "A date as YYYY-MM-DD");
  const stage = text("lifecycleStage");
  if (stage && !(LIFECYCLE_STAGES as readonly string[]).includes(stage)) {
    errors.add("lifecycleStage", "invalid_stage", `One of ${LIFECYCLE_STAGES.join(", ")}`);
  }
  const email = text("email") ? normalizeEmailAddress(text("email") ?? "", "email", errors) : null;
  const emailList: NormalEmail[] = email
    ? [{ address: email.address, canonical: email.canonical, kind: "private", isPrimary: true }]
    : [];
  const phoneList: NormalPhone[] = [];
  for (const field of ["mobile", "phone"] as const) {
    const raw = text(field);
    const phone = raw ? normalizePhoneNumber(raw, field, errors) : null;
    if (phone && !phoneList.some((existing) => existing.e164 === phone.e164)) {
      phoneList.push({ e164: phone.e164, type: phone.type, kind: "private", isPrimary: phoneList.length === 0 });
    }
  }
  const hasAddress = ADDRESS_FIELDS.some((field) => text(field));
  const address = hasAddress
    ? normalizeAddress(
        {
          kind: "home",
          street: text("street"),
          careOf: text("careOf"),
          box: text("box"),
          apartment: text("apartment"),
          postalCode: text("postalCode"),
          city: text("city"),
          country: text("country") ?? "SE",
        },
        "address",
        errors,
      )
    : null;
  const customInput = Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => key.startsWith("custom.") && value !== undefined && value !== "")
      .map(([key, value]) => [key.slice(7), value]),
  );
  const custom = validateCustomValues(definitions, customInput, errors, { requireAll: false });
  const fields = [
    "givenNames",
    "surname",
    "preferredNameMarking",
    "personnummer",
    "birthDate",
    "language",
    "lifecycleStage",
  ].filter((field) => text(field) !== undefined);
  return {
    externalId,
    ...names,
    preferred,
    personnummer,
    birthDate: personnummer?.birthDate ?? birthDate,
    language: text("language") ?? null,
    lifecycleStage: (stage as NormalRow["lifecycleStage"]) ?? null,
    emails: emailList,
    phones: phoneList,
    address,
    custom,
    fields: [...fields, ...Object.keys(custom).map((key) => `custom.${key}`)],
  };
}

const LINEAGE_TYPES = { source_system: "text", source_external_id: "text", source_received_at: "timestamptz" };

function lineageJson(source: TLineage) {
  return { source_system: source.system, source_external_id: source.externalId, source_received_at: source.receivedAt };
}

/** New people of a batch, written with one statement per table (see insertJsonRows). */
async function insertCreatedPeople(
  ctx: Ctx,
  creates: Array<NormalRow & { id: string }>,
  source: (row: NormalRow) => TLineage,
  system: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await insertJsonRows(
    ctx.db,
    "people",
    {
      id: "uuid",
      given_names: "text",
      preferred_name_parts: "smallint[]",
      greeting_name: "text",
      greeting_uncertain: "boolean",
      surname: "text",
      personnummer: "text",
      personnummer_kind: "text",
      birth_date: "date",
      language: "text",
      lifecycle_stage: "text",
      custom: "jsonb",
      lineage: "jsonb",
      search_text: "text",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    creates.map((row) => {
      const greeting = greetingFor(row.givenNames, row.preferred);
      return {
        id: row.id,
        given_names: row.givenNames,
        preferred_name_parts: row.preferred,
        greeting_name: greeting.name,
        greeting_uncertain: greeting.uncertain,
        surname: row.surname,
        personnummer: row.personnummer?.personnummer ?? null,
        personnummer_kind: row.personnummer?.personnummerKind ?? null,
        birth_date: row.personnummer?.birthDate ?? row.birthDate,
        language: row.language ?? "sv",
        lifecycle_stage: row.lifecycleStage ?? "interested",
        custom: row.custom,
        lineage: stampLineage({}, row.fields, source(row)),
        search_text: searchTextOf(row, greeting.name),
        created_at: at,
        updated_at: at,
      };
    }),
  );
  await insertJsonRows(
    ctx.db,
    "external_ids",
    { system: "text", external_id: "text", entity: "text", entity_id: "uuid", received_at: "timestamptz" },
    creates.map((row) => ({
      system,
      external_id: row.externalId,
      entity: "person",
      entity_id: row.id,
      received_at: at,
    })),
  );
  await insertJsonRows(
    ctx.db,
    "emails",
    {
      id: "uuid",
      person_id: "uuid",
      address: "text",
      canonical: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.emails.map((email) => ({
        id: newId(ctx),
        person_id: row.id,
        address: email.address,
        canonical: email.canonical,
        kind: email.kind,
        is_primary: email.isPrimary,
        created_at: at,
        ...lineageJson(source(row)),
      })),
    ),
  );
  await insertJsonRows(
    ctx.db,
    "phones",
    {
      id: "uuid",
      person_id: "uuid",
      e164: "text",
      type: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.phones.map((phone) => ({
        id: newId(ctx),
        person_id: row.id,
        e164: phone.e164,
        type: phone.type,
        kind: phone.kind,
        is_primary: phone.isPrimary,
        created_at: at,
        ...lineageJson(source(row)),
      })),
    ),
  );
  await insertJsonRows(
    ctx.db,
    "addresses",
    {
      id: "uuid",
      person_id: "uuid",
      kind: "text",
      street: "text",
      care_of: "text",
      box: "text",
      apartment: "text",
      postal_code: "text",
      city: "text",
      country: "text",
      valid_from: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.address
        ? [
            {
              id: newId(ctx),
              person_id: row.id,
              kind: row.address.kind,
              street: row.address.street,
              care_of: row.address.careOf,
              box: row.address.box,
              apartment: row.address.apartment,
              postal_code: row.address.postalCode,
              city: row.address.city,
              country: row.address.country,
              valid_from: (row.address.validFrom ?? now).toISOString(),
              ...lineageJson(source(row)),
            },
          ]
        : [],
    ),
  );
}

function searchTextOf(row: NormalRow, greeting: string): string {
  return buildSearchText([row.givenNames, greeting, row.surname]);
}

function addressRow(ctx: Ctx, personId: string, address: NormalAddress, source: TLineage, now: Date) {
  const { validFrom, ...rest } = address;
  return { id: newId(ctx), personId, ...rest, validFrom: validFrom ?? now, validTo: null, ...lineageColumns(source) };
}

const sameAddress = (a: typeof addresses.$inferSelect, b: NormalAddress) =>
  a.street === b.street &&
  a.postalCode === b.postalCode &&
  a.city === b.city &&
  a.careOf === b.careOf &&
  a.box === b.box &&
  a.apartment === b.apartment;

/** Updates a known person: names and identifiers are refreshed; contact points are added, never lost. */
async function applyUpdate(
  ctx: Ctx,
  row: NormalRow & { id: string; linkExternal: boolean },
  source: TLineage,
  system: string,
  now: Date,
) {
  const [current] = await ctx.db.select().from(people).where(eq(people.id, row.id)).for("update");
  if (!current) return;
  const preferred = row.preferred ?? (row.givenNames === current.givenNames ? current.preferredNameParts : null);
  const greeting = greetingFor(row.givenNames, preferred);
  const [emailRows, phoneRows, addressRows] = await Promise.all([
    ctx.db
      .select()
      .from(emails)
      .where(and(eq(emails.personId, row.id), isNull(emails.removedAt))),
    ctx.db
      .select()
      .from(phones)
      .where(and(eq(phones.personId, row.id), isNull(phones.removedAt))),
    ctx.db
      .select()
      .from(addresses)
      .where(and(eq(addresses.personId, row.id), eq(addresses.kind, "home"), isNull(addresses.validTo))),
  ]);
  const newEmails = row.emails.filter((email) => !emailRows.some((existing) => existing.canonical === email.canonical));
  const newPhones = row.phones.filter((phone) => !phoneRows.some((existing) => existing.e164 === phone.e164));
  if (newEmails.length) {
    await ctx.db.insert(emails).values(
      newEmails.map((email) => ({
        id: newId(ctx),
        personId: row.id,
        ...email,
        isPrimary: emailRows.length === 0 && email.isPrimary,
        createdAt: now,
        ...lineageColumns(source),
      })),
    );
  }
  if (newPhones.length) {
    await ctx.db.insert(phones).values(
      newPhones.map((phone) => ({
        id: newId(ctx),
        personId: row.id,
        ...phone,
        isPrimary: phoneRows.length === 0 && phone.isPrimary,
        createdAt: now,
        ...lineageColumns(source),
      })),
    );
  }
  if (row.address && !addressRows.some((existing) => row.address && sameAddress(existing, row.address))) {
    for (const old of addressRows) await ctx.db.update(addresses).set({ validTo: now }).where(eq(addresses.id, old.id));
    await ctx.db.insert(addresses).values(addressRow(ctx, row.id, row.address, source, now));
  }
  if (row.linkExternal) {
    await ctx.db
      .insert(externalIds)
      .values({ system, externalId: row.externalId, entity: "person", entityId: row.id, receivedAt: now })
      .onConflictDoNothing();
  }
  await ctx.db
    .update(people)
    .set({
      givenNames: row.givenNames,
      surname: row.surname,
      preferredNameParts: preferred,
      greetingName: greeting.name,
      greetingUncertain: greeting.uncertain,
      ...(row.personnummer
        ? {
            personnummer: row.personnummer.personnummer,
            personnummerKind: row.personnummer.personnummerKind,
            birthDate: row.personnummer.birthDate,
          }
        : row.birthDate
          ? { birthDate: row.birthDate }
          : {}),
      ...(row.language ? { language: row.language } : {}),
      ...(row.lifecycleStage ? { lifecycleStage: row.lifecycleStage } : {}),
      custom: { ...current.custom, ...row.custom },
      lineage: stampLineage(current.lineage, row.fields, source),
      updatedAt: now,
    })
    .where(eq(people.id, row.id));
  await refreshPersonSearch(ctx.db, row.id);
}
