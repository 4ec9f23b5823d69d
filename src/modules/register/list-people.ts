import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { parsePersonnummer, parsePhone } from "../../lib/se";
import { cityStartsWith } from "./city-filter";
import { decodeCursor, encodeCursor } from "./cursor";
import type { TCustomAttribute } from "./define-custom-attribute";
import { filterCondition, filterContainment, ZFilter } from "./filters";
import { withoutLegalFormWords } from "./legal-form";
import { loadCustomAttributes } from "./list-custom-attributes";
import { CUSTOM_SORT, customSortKey, sortedKeyset, type TSortKey, ZSortCursor } from "./list-sort";
import { type NameHit, nameSearchHits, ZNameCursor } from "./name-word-search";
import { hasSearchableCharacters, searchFold } from "./normalize";
import { consentCondition, consentSuperset, PERSON_FILTER_FIELDS, ZConsentFilter } from "./person-filters";
import { LIFECYCLE_STAGES } from "./schema";
import type { TPersonSummary } from "./views";

export const PEOPLE_SORTS = [
  "name",
  "-name",
  "createdAt",
  "-createdAt",
  "birthDate",
  "-birthDate",
  "lastContactAt",
  "-lastContactAt",
  "nextContactAt",
  "-nextContactAt",
] as const;

const BUILT_IN_SORTS: Readonly<Record<string, TSortKey>> = {
  createdAt: { expression: sql`p.created_at`, type: sql`timestamptz`, notNull: true },
  birthDate: { expression: sql`p.birth_date`, type: sql`date` },
  lastContactAt: { expression: sql`p.last_contact_at`, type: sql`timestamptz` },
  nextContactAt: { expression: sql`p.next_contact_at`, type: sql`timestamptz` },
};

/** A name search in an order the user chose orders its best matches, this many of them. */
export const SORTED_SEARCH_LIMIT = 1_000;

export const ZListPeopleInput = z.object({
  /** Free text: names (prefix or fuzzy), e-mail, phone, personnummer or organisation. */
  q: z.string().trim().max(200).optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  ownerId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  city: z.string().trim().max(100).optional(),
  filters: z.array(ZFilter).max(20).default([]),
  /** The current consent decision per purpose and channel, e.g. marketing by e-mail granted. */
  consents: z.array(ZConsentFilter).max(10).default([]),
  /**
   * The order: `name` (the default), `createdAt` (the day they were registered), `birthDate`,
   * or `custom.<key>`; a leading minus turns it round. People without a value come last, and
   * those with the same value are ordered by name.
   */
  sort: z
    .union([
      z.enum(PEOPLE_SORTS),
      z.string().regex(CUSTOM_SORT, "name, createdAt, birthDate, lastContactAt, nextContactAt or custom.<key>"),
    ])
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListPeopleInput = z.input<typeof ZListPeopleInput>;

interface Row {
  id: string;
  given_names: string;
  greeting_name: string;
  greeting_uncertain: boolean;
  surname: string;
  personnummer: string | null;
  lifecycle_stage: TPersonSummary["lifecycleStage"];
  owner_id: string | null;
  owner_team_id: string | null;
  birth_date: string | null;
  custom: Record<string, unknown>;
  created_at: string | Date;
  updated_at: string | Date;
  last_contact_at: string | Date | null;
  next_contact_at: string | Date | null;
  /** The value a chosen order is by, as text: where the next page starts. */
  sort_key?: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * A query that is an e-mail, a phone number or a personnummer (whole or its start) is looked up
 * in that identifier's own index first; the matching ids then filter the list. Returns null for
 * a name query. The start of an identifier finds at most `limit` people per kind, the same ones
 * on every page (the lowest ids).
 */
async function identifierMatches(ctx: Ctx, q: string): Promise<string[] | null> {
  const text = q.trim();
  const limit = 10_000;
  // The start of an e-mail address without its @ ("anna.berg", "kalle_92") has a dot or an
  // underscore between letters, which no name has: its people are found by their addresses, and
  // a name search follows only if no address starts so.
  const localPart = !text.includes("@") && /^[\p{L}\p{N}+-]+[._][\p{L}\p{N}._+-]*$/u.test(text);
  if (text.includes("@") || localPart) {
    const rows = await queryRows<{ id: string }>(
      ctx.db,
      sql`select distinct person_id as id from emails
        where canonical like ${`${escapeLike(text.toLowerCase())}%`} and removed_at is null and person_id is not null order by 1 limit ${limit}`,
    );
    return localPart && rows.length === 0 ? null : rows.map((row) => row.id);
  }
  const digits = text.replace(/[\s\-+()]/g, "");
  if (!/^\d{6,}$/.test(digits)) return null;
  const pnr = parsePersonnummer(text, ctx.clock.now());
  const prefixes = pnr.ok
    ? [pnr.value.normalized]
    : digits.length > 12
      ? []
      : digits.length >= 8 && /^(18|19|20)/.test(digits)
        ? [digits]
        : [`19${digits}`, `20${digits}`];
  const phone = parsePhone(text);
  const e164Prefix = phone.ok ? phone.value.e164 : digits.startsWith("0") ? `+46${digits.slice(1)}` : `+${digits}`;
  const byNumber = prefixes.map(
    (prefix) => sql`(select id from people where personnummer like ${`${prefix}%`} order by id limit ${limit})`,
  );
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`${sql.join([...byNumber, sql`(select person_id as id from phones where e164 like ${`${e164Prefix}%`} and removed_at is null and person_id is not null order by 1 limit ${limit})`], sql` union `)}`,
  );
  return rows.map((row) => row.id);
}

/**
 * Lists people, searched and filtered. Without a query the order is by name with a keyset
 * cursor; identifiers (e-mail, phone, personnummer) go through their own indexes and list their
 * people by name too. A name query is ordered by how well a name word matches, with a keyset
 * cursor on that order (see `nameSearchHits`).
 */
export async function listPeople(
  ctx: Ctx,
  input: TListPeopleInput,
): Promise<{ items: TPersonSummary[]; nextCursor: string | null }> {
  authorize(ctx.actor, "register", "read");
  const query = parseInput(ZListPeopleInput, input);
  const errors = new FieldErrors();
  const sort = query.sort ?? "name";
  const byName = sort === "name" || sort === "-name";
  const definitions =
    query.filters.length > 0 || sort.includes("custom.") ? await loadCustomAttributes(ctx.db, "person") : [];
  const conditions: SQL[] = [sql`p.erased_at is null and p.merged_into is null`];
  // Narrowing conditions an index answers (a custom value, a consent answer): a list that would
  // otherwise read every name to find a rare value's people reads them there instead.
  const indexable = query.filters.flatMap((filter) => filterContainment(filter, sql`p.custom`, definitions) ?? []);
  query.filters.forEach((filter, index) => {
    const condition = filterCondition(
      filter,
      PERSON_FILTER_FIELDS,
      sql`p.custom`,
      definitions,
      `filters.${index}`,
      errors,
    );
    if (condition) conditions.push(condition);
  });
  errors.throwIfAny();
  for (const consent of query.consents) {
    conditions.push(consentCondition(consent));
    const superset = consentSuperset(consent);
    if (superset) indexable.push(superset);
  }
  if (query.lifecycleStage) conditions.push(sql`p.lifecycle_stage = ${query.lifecycleStage}`);
  if (query.ownerId) conditions.push(sql`p.owner_id = ${query.ownerId}`);
  if (query.organizationId) {
    conditions.push(
      sql`exists (select 1 from roles r where r.person_id = p.id and r.organization_id = ${query.organizationId} and r.valid_to is null)`,
    );
  }
  if (query.city) {
    conditions.push(
      sql`exists (select 1 from addresses a where a.person_id = p.id and a.valid_to is null and ${cityStartsWith(sql`a.city`, query.city)})`,
    );
  }

  const q = query.q ?? "";
  // "%", "*" or a quote alone is not a search for everyone: it finds no one.
  if (q && !hasSearchableCharacters(q)) return { items: [], nextCursor: null };
  const identified = q ? await identifierMatches(ctx, q) : null;
  if (identified) conditions.push(sql`p.id = any(${`{${identified.join(",")}}`}::uuid[])`);
  if (q && !identified) {
    // Ranked by likeness unless the user chose an order, by name too.
    if (query.sort === undefined) return listByName(ctx, nameTokens(q), conditions, query.cursor, query.limit);
    const hits = await nameSearchHits(ctx, nameTokens(q), conditions, null, SORTED_SEARCH_LIMIT);
    conditions.push(sql`p.id = any(${`{${hits.map((hit) => hit.id).join(",")}}`}::uuid[])`);
  }
  return byName
    ? listInNameOrder(ctx, conditions, indexable, sort === "-name", query.cursor, query.limit)
    : listSorted(ctx, conditions, indexable, sort, definitions, query.cursor, query.limit);
}

const ZNameOrderCursor = z.strictObject({ s: z.string(), g: z.string(), i: z.uuid() });

async function listInNameOrder(
  ctx: Ctx,
  conditions: SQL[],
  indexable: SQL[],
  descending: boolean,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: TPersonSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(ZNameOrderCursor, cursor);
  const name = sql`(p.surname, p.given_names, p.id)`;
  const resume = after ? sql`${name} ${descending ? sql`<` : sql`>`} (${after.s}, ${after.g}, ${after.i})` : null;
  const [base = sql`true`, ...narrowing] = conditions;
  const rows = await readPart(ctx, {
    place: resume ? [base, resume] : [base],
    narrowing,
    indexable,
    order: descending ? sql`p.surname desc, p.given_names desc, p.id desc` : sql`p.surname, p.given_names, p.id`,
    want: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ s: last.surname, g: last.given_names, i: last.id }) : null;
  return { items: page.map(toSummary), nextCursor };
}

async function listSorted(
  ctx: Ctx,
  conditions: SQL[],
  indexable: SQL[],
  sort: string,
  definitions: readonly TCustomAttribute[],
  cursor: string | undefined,
  limit: number,
): Promise<{ items: TPersonSummary[]; nextCursor: string | null }> {
  const field = sort.replace(/^-/, "");
  const key = BUILT_IN_SORTS[field] ?? customSortKey(sort, sql`p.custom`, definitions);
  const parts = sortedKeyset(
    key,
    sort.startsWith("-"),
    [sql`p.surname`, sql`p.given_names`, sql`p.id`],
    decodeCursor(ZSortCursor, cursor),
  );
  const [base = sql`true`, ...narrowing] = conditions;
  const rows: Row[] = [];
  for (const part of parts) {
    if (rows.length > limit) break;
    // A value of a few-valued key narrows the list as a filter would, through the same index.
    const value = part.byValue;
    rows.push(
      ...(await readPart(ctx, {
        place: value ? [base, ...(value.resume ? [value.resume] : [])] : [base, part.condition],
        narrowing: value ? [...narrowing, value.match] : narrowing,
        indexable: value ? [...indexable, value.containment] : indexable,
        order: part.order,
        want: limit + 1 - rows.length,
        sortKey: key.expression,
      })),
    );
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ k: last.sort_key ?? null, t: [last.surname, last.given_names, last.id] })
      : null;
  return { items: page.map(toSummary), nextCursor };
}

/** How many people of the list's order are looked at before a narrowing index is asked instead. */
const PROBE = 5_000;

/**
 * One part of a list: the people `place` (where in the list) and `narrowing` (filters) pick, in
 * `order`, at most `want` of them.
 *
 * Read in order, a filter is checked person by person until the page is full: quick for a common
 * value, but a value ten people of a million have would have the whole register read. So when
 * part of the narrowing is a containment the jsonb index answers (`indexable`: a tier, a yes/no),
 * the first few thousand people in order are looked at first, and if they do not fill the page,
 * the matching people are found through that index and sorted: about a hundredth of the register
 * at most, since fewer than fifty in five thousand is what sends the read there.
 */
async function readPart(
  ctx: Ctx,
  part: { place: SQL[]; narrowing: SQL[]; indexable: SQL[]; order: SQL; want: number; sortKey?: SQL },
): Promise<Row[]> {
  const columns = part.sortKey ? sql`${COLUMNS}, (${part.sortKey})::text as sort_key` : COLUMNS;
  const where = sql.join([...part.place, ...part.narrowing], sql` and `);
  if (part.indexable.length === 0 || part.narrowing.length === 0) {
    return queryRows<Row>(
      ctx.db,
      sql`select ${columns} from people p where ${where} order by ${part.order} limit ${part.want}`,
    );
  }
  const inOrder = (ids: SQL) =>
    queryRows<Row>(ctx.db, sql`select ${columns} from people p where p.id = any(array(${ids})) order by ${part.order}`);
  // The subquery's rows come out in its order, and the outer limit stops the scan at the page's
  // last match: a common value costs a few rows, a rare one the whole probe.
  const probed = await inOrder(
    sql`select w.id from (
      select p.id, (${sql.join(part.narrowing, sql` and `)}) as hit
      from people p where ${sql.join(part.place, sql` and `)}
      order by ${part.order} limit ${PROBE}) w
    where w.hit limit ${part.want}`,
  );
  if (probed.length >= part.want) return probed;
  // Materialised, the matching people are gathered through the jsonb index, with no order to keep
  // that would send the planner back to reading the list in order; then they are sorted.
  return inOrder(
    sql`with matching as materialized (
        select p.* from people p where ${where} and ${sql.join(part.indexable, sql` and `)})
      select p.id from matching p order by ${part.order} limit ${part.want}`,
  );
}

async function listByName(
  ctx: Ctx,
  tokens: string[],
  conditions: SQL[],
  cursor: string | undefined,
  limit: number,
): Promise<{ items: TPersonSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(ZNameCursor, cursor);
  const hits = await nameSearchHits(ctx, tokens, conditions, after, limit + 1);
  const page = hits.slice(0, limit);
  if (page.length === 0) return { items: [], nextCursor: null };
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select ${COLUMNS} from unnest(${`{${page.map((hit) => hit.id).join(",")}}`}::uuid[]) with ordinality as h(id, ord)
      join people p on p.id = h.id
      order by h.ord`,
  );
  const last = page.at(-1) as NameHit;
  return {
    items: rows.map(toSummary),
    nextCursor: hits.length > limit ? encodeCursor({ s: last.score, w: last.word, i: last.id }) : null,
  };
}

/** The words of a name query. A company's legal form ("AB") is left out, as it is of the names searched. */
function nameTokens(q: string): string[] {
  const words = (text: string) =>
    searchFold(text)
      .split(/\s+/)
      .filter((word) => /[a-z0-9]/.test(word));
  const withoutLegalForm = words(withoutLegalFormWords(q));
  return withoutLegalForm.length > 0 ? withoutLegalForm : words(q);
}

const COLUMNS = sql`p.id, p.given_names, p.greeting_name, p.greeting_uncertain, p.surname, p.personnummer,
  p.lifecycle_stage, p.owner_id, p.owner_team_id, p.custom, p.created_at, p.updated_at, p.birth_date::text as birth_date, p.last_contact_at, p.next_contact_at,
  (select e.address from emails e where e.person_id = p.id and e.removed_at is null
    order by e.is_primary desc, e.created_at limit 1) as email,
  (select ph.e164 from phones ph where ph.person_id = p.id and ph.removed_at is null
    order by ph.is_primary desc, ph.created_at limit 1) as phone,
  (select a.city from addresses a where a.person_id = p.id and a.valid_to is null
    order by a.valid_from desc limit 1) as city`;

const toSummary = (row: Row): TPersonSummary => ({
  id: row.id,
  givenNames: row.given_names,
  greetingName: row.greeting_name,
  greetingUncertain: row.greeting_uncertain,
  surname: row.surname,
  personnummer: row.personnummer,
  lifecycleStage: row.lifecycle_stage,
  ownerId: row.owner_id,
  ownerTeamId: row.owner_team_id,
  email: row.email,
  phone: row.phone,
  city: row.city,
  birthDate: row.birth_date,
  custom: row.custom,
  lastContactAt: row.last_contact_at === null ? null : new Date(row.last_contact_at),
  nextContactAt: row.next_contact_at === null ? null : new Date(row.next_contact_at),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});
