import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { cityStartsWith } from "./city-filter";
import { decodeCursor, encodeCursor, ZOffsetCursor } from "./cursor";
import { filterCondition, type TFilterField, ZFilter } from "./filters";
import { loadCustomAttributes } from "./list-custom-attributes";
import { CUSTOM_SORT, customSortKey, sortedKeyset, type TSortKey, ZSortCursor } from "./list-sort";
import { hasSearchableCharacters, searchFold } from "./normalize";

export const ORGANIZATION_SORTS = [
  "name",
  "-name",
  "employees",
  "-employees",
  "revenueSek",
  "-revenueSek",
  "people",
  "-people",
  "createdAt",
  "-createdAt",
  "lastContactAt",
  "-lastContactAt",
  "nextContactAt",
  "-nextContactAt",
] as const;

/** The orders besides the name's; each pages by its value, then the name (see `sortedKeyset`). */
const SORT_KEYS: Readonly<Record<string, TSortKey>> = {
  employees: { expression: sql`o.employees`, type: sql`integer` },
  revenueSek: { expression: sql`o.revenue_sek`, type: sql`bigint` },
  people: {
    expression: sql`(select count(*) from roles r where r.organization_id = o.id and r.valid_to is null)`,
    type: sql`bigint`,
    notNull: true,
  },
  createdAt: { expression: sql`o.created_at`, type: sql`timestamptz`, notNull: true },
  lastContactAt: { expression: sql`o.last_contact_at`, type: sql`timestamptz` },
  nextContactAt: { expression: sql`o.next_contact_at`, type: sql`timestamptz` },
};

const ZNameCursor = z.strictObject({ n: z.string(), i: z.uuid() });

export const ZListOrganizationsInput = z.object({
  q: z.string().trim().max(200).optional(),
  sniCode: z.string().max(10).optional(),
  city: z.string().trim().max(100).optional(),
  ownerId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  /** A group: the organisation and every subsidiary under it, at any depth. */
  groupId: z.uuid().optional(),
  /** The order of the list: a field or `custom.<key>`, descending with a leading minus; empty values last. */
  sort: z
    .union([
      z.enum(ORGANIZATION_SORTS),
      z
        .string()
        .regex(
          CUSTOM_SORT,
          "name, employees, revenueSek, people, createdAt, lastContactAt, nextContactAt or custom.<key>",
        ),
    ])
    .optional(),
  filters: z.array(ZFilter).max(20).default([]),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListOrganizationsInput = z.input<typeof ZListOrganizationsInput>;

/** The built-in fields of an organisation that `filter=field:op:value` takes, on `organizations o`. */
export const ORGANIZATION_FILTER_FIELDS: Readonly<Record<string, TFilterField>> = {
  name: { column: sql`o.name`, type: "text" },
  organisationsnummer: { column: sql`o.organisationsnummer`, type: "text" },
  legalForm: { column: sql`o.legal_form`, type: "text" },
  vatNumber: { column: sql`o.vat_number`, type: "text" },
  industry: { column: sql`o.industry`, type: "text" },
  sniCode: { column: sql`o.sni_code`, type: "text" },
  employees: { column: sql`o.employees`, type: "number" },
  revenueSek: { column: sql`o.revenue_sek`, type: "number" },
  website: { column: sql`o.website`, type: "text" },
  parentId: { column: sql`o.parent_id`, type: "uuid" },
  ownerId: { column: sql`o.owner_id`, type: "uuid" },
  ownerTeamId: { column: sql`o.owner_team_id`, type: "uuid" },
  createdAt: { column: sql`o.created_at`, type: "timestamp" },
  updatedAt: { column: sql`o.updated_at`, type: "timestamp" },
  lastContactAt: { column: sql`o.last_contact_at`, type: "timestamp" },
  nextContactAt: { column: sql`o.next_contact_at`, type: "timestamp" },
};

export const ZOrganizationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationsnummer: z.string().nullable(),
  legalForm: z.string().nullable(),
  industry: z.string().nullable(),
  sniCode: z.string().nullable(),
  employees: z.number().nullable(),
  revenueSek: z.number().nullable(),
  city: z.string().nullable(),
  people: z.number(),
  ownerId: z.uuid().nullable(),
  ownerTeamId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
  lastContactAt: z
    .date()
    .nullable()
    .describe("When staff last called, met or e-mailed the company, or anyone who works there now"),
  nextContactAt: z
    .date()
    .nullable()
    .describe("The earliest call, meeting or e-mail booked ahead with the company or anyone who works there"),
  createdAt: z.date(),
});
export type TOrganizationSummary = z.infer<typeof ZOrganizationSummary>;

interface Row {
  id: string;
  name: string;
  organisationsnummer: string | null;
  legal_form: string | null;
  industry: string | null;
  sni_code: string | null;
  employees: number | null;
  city: string | null;
  people: number;
  owner_id: string | null;
  owner_team_id: string | null;
  revenue_sek: string | number | null;
  custom: Record<string, unknown>;
  last_contact_at: string | Date | null;
  next_contact_at: string | Date | null;
  created_at: string | Date;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A VAT number: SE and the organisationsnummer and 01, or another country's (DK12345678). */
const SWEDISH_VAT = /^se(\d{10})01$/;
const FOREIGN_VAT = /^([a-z]{2})([0-9a-z+*.]{2,13})$/;

/**
 * Lists organisations, searched and filtered. A query of digits is the start of an
 * organisationsnummer, a VAT number finds its organisation, anything else is matched against
 * the names by trigram word similarity, nearest first.
 */
export async function listOrganizations(
  ctx: Ctx,
  input: TListOrganizationsInput,
): Promise<{ items: TOrganizationSummary[]; nextCursor: string | null }> {
  authorize(ctx.actor, "register", "read");
  const query = parseInput(ZListOrganizationsInput, input);
  const errors = new FieldErrors();
  const definitions =
    query.filters.length > 0 || query.sort?.includes("custom.")
      ? await loadCustomAttributes(ctx.db, "organization")
      : [];
  const conditions: SQL[] = [sql`true`];
  query.filters.forEach((filter, index) => {
    const condition = filterCondition(
      filter,
      ORGANIZATION_FILTER_FIELDS,
      sql`o.custom`,
      definitions,
      `filters.${index}`,
      errors,
    );
    if (condition) conditions.push(condition);
  });
  errors.throwIfAny();
  if (query.q && !hasSearchableCharacters(query.q)) return { items: [], nextCursor: null };
  if (query.sniCode) {
    // "62010", "62.01" and "62 01" all mean the start of 62.010, however the code was stored.
    const digits = escapeLike(query.sniCode.replace(/[.\s]/g, ""));
    conditions.push(sql`replace(o.sni_code, '.', '') like ${`${digits}%`}`);
  }
  if (query.ownerId) conditions.push(sql`o.owner_id = ${query.ownerId}`);
  if (query.parentId) conditions.push(sql`o.parent_id = ${query.parentId}`);
  if (query.groupId) {
    conditions.push(sql`o.id in (
      with recursive member(id) as (
        select id from organizations where id = ${query.groupId}
        union select child.id from organizations child join member on child.parent_id = member.id
      ) select id from member)`);
  }
  if (query.city) {
    conditions.push(
      sql`exists (select 1 from addresses a where a.organization_id = o.id and a.valid_to is null and ${cityStartsWith(sql`a.city`, query.city)})`,
    );
  }
  const folded = query.q ? searchFold(query.q).trim() : "";
  // A word search is ranked by likeness, and pages by position, unless the user chose an order.
  let ranked: SQL | null = null;
  if (folded) {
    const digits = folded.replace(/[\s-]/g, "");
    const swedishVat = SWEDISH_VAT.exec(digits);
    if (swedishVat) {
      conditions.push(sql`o.organisationsnummer = ${swedishVat[1]}`);
    } else if (FOREIGN_VAT.test(digits) && /\d.*\d/.test(digits)) {
      conditions.push(sql`upper(o.vat_number) = ${digits.toUpperCase()}`);
    } else if (/^\d{2}\.\d{1,3}$/.test(digits)) {
      // "62.010": an SNI code, as the facts card and the export write it.
      conditions.push(sql`replace(o.sni_code, '.', '') like ${`${digits.replace(".", "")}%`}`);
    } else if (/^\d{4,}$/.test(digits)) {
      conditions.push(
        sql`o.organisationsnummer like ${`${escapeLike(digits.length === 12 ? digits.slice(2) : digits)}%`}`,
      );
    } else {
      // A word matches the name or the industry ("bryggeri", "redovisning"), as the search box says.
      const industry = sql`translate(lower(coalesce(o.industry, '')), 'åäöéèëüáàæø', 'aaoeeeuaaao')`;
      for (const token of folded.split(/\s+/).filter(Boolean)) {
        conditions.push(
          token.length < 2
            ? sql`o.search_text like ${`% ${escapeLike(token)}%`}`
            : sql`(${token} <% o.search_text or ${token} <% ${industry})`,
        );
      }
      if (query.sort === undefined) ranked = sql`o.search_text <->> ${folded}, o.name, o.id`;
    }
  }
  const sort = query.sort ?? "name";
  const field = sort.replace(/^-/, "");
  const descending = sort.startsWith("-");
  // A custom attribute's order is read in one sort: the per-value reading pays off at the size of
  // a register of people, not of its organisations.
  const key =
    field === "name"
      ? null
      : (SORT_KEYS[field] ?? { ...customSortKey(sort, sql`o.custom`, definitions), values: undefined });
  const sortKeySelect = key ? sql`, (${key.expression})::text as sort_key` : sql``;
  const select = (where: readonly SQL[], order: SQL, limit: number, offset = 0) =>
    queryRows<Row & { sort_key?: string | null }>(
      ctx.db,
      sql`
      select o.id, o.name, o.organisationsnummer, o.legal_form, o.industry, o.sni_code, o.employees, o.owner_id,
        o.owner_team_id, o.revenue_sek, o.custom, o.last_contact_at, o.next_contact_at, o.created_at,
        (select a.city from addresses a where a.organization_id = o.id and a.valid_to is null
          order by a.valid_from desc limit 1) as city,
        (select count(*)::int from roles r where r.organization_id = o.id and r.valid_to is null) as people
        ${sortKeySelect}
      from organizations o
      where ${sql.join([...where], sql` and `)}
      order by ${order}
      limit ${limit} offset ${offset}`,
    );
  let rows: Array<Row & { sort_key?: string | null }>;
  let nextCursor: (last: Row & { sort_key?: string | null }) => string;
  if (ranked) {
    const offset = decodeCursor(ZOffsetCursor, query.cursor)?.o ?? 0;
    rows = await select(conditions, ranked, query.limit + 1, offset);
    nextCursor = () => encodeCursor({ o: offset + query.limit });
  } else if (!key) {
    // By name, A to Ö or Ö to A, from the last name shown.
    const after = decodeCursor(ZNameCursor, query.cursor);
    const where = after
      ? [...conditions, sql`(o.name, o.id) ${descending ? sql`<` : sql`>`} (${after.n}, ${after.i})`]
      : conditions;
    rows = await select(where, descending ? sql`o.name desc, o.id desc` : sql`o.name, o.id`, query.limit + 1);
    nextCursor = (last) => encodeCursor({ n: last.name, i: last.id });
  } else {
    const parts = sortedKeyset(key, descending, [sql`o.name`, sql`o.id`], decodeCursor(ZSortCursor, query.cursor));
    rows = [];
    for (const part of parts) {
      if (rows.length > query.limit) break;
      rows.push(...(await select([...conditions, part.condition], part.order, query.limit + 1 - rows.length)));
    }
    nextCursor = (last) => encodeCursor({ k: last.sort_key ?? null, t: [last.name, last.id] });
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      organisationsnummer: row.organisationsnummer,
      legalForm: row.legal_form,
      industry: row.industry,
      sniCode: row.sni_code,
      employees: row.employees,
      revenueSek: row.revenue_sek === null ? null : Number(row.revenue_sek),
      city: row.city,
      people: Number(row.people),
      ownerId: row.owner_id,
      ownerTeamId: row.owner_team_id,
      custom: row.custom,
      lastContactAt: row.last_contact_at === null ? null : new Date(row.last_contact_at),
      nextContactAt: row.next_contact_at === null ? null : new Date(row.next_contact_at),
      createdAt: new Date(row.created_at),
    })),
    nextCursor: rows.length > query.limit && last ? nextCursor(last) : null,
  };
}
