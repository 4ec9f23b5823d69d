import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { parsePersonnummer, parsePhone } from "../../lib/se";
import { cityStartsWith } from "./city-filter";
import { decodeCursor, encodeCursor, ZOffsetCursor } from "./cursor";
import { filterCondition, ZFilter } from "./filters";
import { loadCustomAttributes } from "./list-custom-attributes";
import { nameWordHits } from "./name-word-search";
import { searchFold } from "./normalize";
import { LIFECYCLE_STAGES } from "./schema";
import type { TPersonSummary } from "./views";

export const ZListPeopleInput = z.object({
  /** Free text: names (prefix or fuzzy), e-mail, phone, personnummer or organisation. */
  q: z.string().trim().max(200).optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  ownerId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  city: z.string().trim().max(100).optional(),
  filters: z.array(ZFilter).max(20).default([]),
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
  custom: Record<string, unknown>;
  updated_at: string | Date;
  email: string | null;
  phone: string | null;
  city: string | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * A query that is an e-mail, a phone number or a personnummer (whole or its start) is looked up
 * in that identifier's own index first; the matching ids then filter the list. Returns null for
 * a name query.
 */
async function identifierMatches(ctx: Ctx, q: string): Promise<string[] | null> {
  const text = q.trim();
  const limit = 1_000;
  if (text.includes("@")) {
    const rows = await queryRows<{ id: string }>(
      ctx.db,
      sql`select distinct person_id as id from emails
        where canonical like ${`${escapeLike(text.toLowerCase())}%`} and removed_at is null and person_id is not null limit ${limit}`,
    );
    return rows.map((row) => row.id);
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
    (prefix) => sql`(select id from people where personnummer like ${`${prefix}%`} limit ${limit})`,
  );
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`${sql.join([...byNumber, sql`(select person_id as id from phones where e164 like ${`${e164Prefix}%`} and removed_at is null and person_id is not null limit ${limit})`], sql` union `)}`,
  );
  return rows.map((row) => row.id);
}

/**
 * One-word name search through the vocabulary of name words: the word is matched against the
 * distinct words (prefix, or trigram similarity for misspellings), a few hundred rows at most,
 * and the matches lead to people through the (word, person_id) btree. For each candidate word
 * at most `enough` people are read, so a common name costs no more than a rare one. Several
 * words go through `nameWordHits`.
 */
function oneWordHits(token: string, conditions: SQL[], enough: number): SQL {
  const prefix = `${escapeLike(token)}%`;
  const similar = token.length < 3 ? sql`` : sql` or word % ${token}`;
  // Materialised: computed once, not again for every row that refers to it.
  const candidates = sql`c0 as materialized (
      select word, case when word like ${prefix} then 1 else 0 end + similarity(word, ${token}) as score
      from name_vocabulary where word like ${prefix}${similar}
      order by score desc limit 200)`;
  const filters = sql.join(conditions, sql` and `);
  return sql`with ${candidates},
    hits as (
      select distinct on (x.id) x.id, c0.score from c0 cross join lateral (
        select w0.person_id as id from person_name_words w0 join people p on p.id = w0.person_id
        where w0.word = c0.word and ${filters}
        order by w0.person_id limit ${enough}) x
      order by x.id, c0.score desc)`;
}

/**
 * Lists people, searched and filtered. Without a query the order is by name with a keyset
 * cursor. A name query matches every word by trigram similarity (prefixes and misspellings
 * both), nearest first; identifiers go through their own indexes.
 */
export async function listPeople(
  ctx: Ctx,
  input: TListPeopleInput,
): Promise<{ items: TPersonSummary[]; nextCursor: string | null }> {
  authorize(ctx.actor, "register", "read");
  const query = parseInput(ZListPeopleInput, input);
  const errors = new FieldErrors();
  const definitions = query.filters.length > 0 ? await loadCustomAttributes(ctx.db, "person") : [];
  const conditions: SQL[] = [sql`p.erased_at is null and p.merged_into is null`];
  query.filters.forEach((filter, index) => {
    const condition = filterCondition(filter, definitions, `filters.${index}`, errors);
    if (condition) conditions.push(condition);
  });
  errors.throwIfAny();
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

  const folded = query.q ? searchFold(query.q).trim() : "";
  const offset = folded ? (decodeCursor(ZOffsetCursor, query.cursor)?.o ?? 0) : 0;
  const order: SQL = sql`p.surname, p.given_names, p.id`;
  let nameHits: SQL | null = null;
  const identified = folded ? await identifierMatches(ctx, query.q ?? "") : null;
  if (identified) {
    conditions.push(identified.length ? sql`p.id in ${identified}` : sql`false`);
  } else if (folded) {
    const tokens = folded.split(/\s+/).filter(Boolean);
    const enough = offset + query.limit + 1;
    nameHits =
      tokens.length === 1
        ? oneWordHits(tokens[0] as string, conditions, enough)
        : await nameWordHits(ctx, tokens, conditions, enough);
  } else {
    const after = decodeCursor(z.strictObject({ s: z.string(), g: z.string(), i: z.uuid() }), query.cursor);
    if (after) conditions.push(sql`(p.surname, p.given_names, p.id) > (${after.s}, ${after.g}, ${after.i})`);
  }

  const columns = sql`p.id, p.given_names, p.greeting_name, p.greeting_uncertain, p.surname, p.personnummer,
        p.lifecycle_stage, p.owner_id, p.custom, p.updated_at,
        (select e.address from emails e where e.person_id = p.id and e.removed_at is null
          order by e.is_primary desc, e.created_at limit 1) as email,
        (select ph.e164 from phones ph where ph.person_id = p.id and ph.removed_at is null
          order by ph.is_primary desc, ph.created_at limit 1) as phone,
        (select a.city from addresses a where a.person_id = p.id and a.valid_to is null
          order by a.valid_from desc limit 1) as city`;
  const rows = await queryRows<Row>(
    ctx.db,
    nameHits
      ? sql`${nameHits}
        select ${columns} from hits h join people p on p.id = h.id
        order by h.score desc, p.surname, p.given_names, p.id
        limit ${query.limit + 1} offset ${offset}`
      : sql`select ${columns} from people p
        where ${sql.join(conditions, sql` and `)}
        order by ${order}
        limit ${query.limit + 1} offset ${offset}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > query.limit && last) {
    nextCursor = folded
      ? encodeCursor({ o: offset + query.limit })
      : encodeCursor({ s: last.surname, g: last.given_names, i: last.id });
  }
  return {
    items: page.map((row) => ({
      id: row.id,
      givenNames: row.given_names,
      greetingName: row.greeting_name,
      greetingUncertain: row.greeting_uncertain,
      surname: row.surname,
      personnummer: row.personnummer,
      lifecycleStage: row.lifecycle_stage,
      ownerId: row.owner_id,
      email: row.email,
      phone: row.phone,
      city: row.city,
      custom: row.custom,
      updatedAt: new Date(row.updated_at),
    })),
    nextCursor,
  };
}
