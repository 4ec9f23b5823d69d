import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { MatchRecord } from "../../lib/match";
import { searchFold } from "./normalize";

interface Row {
  id: string;
  given_names: string;
  greeting_name: string;
  greeting_uncertain: boolean;
  surname: string;
  personnummer: string | null;
  birth_date: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  emails: string[] | null;
  phones: string[] | null;
}

const AT_MOST = 500;

/**
 * People as the matcher sees them: names, identifiers, the current home address, e-mails, phones.
 * The ids are an array the primary key looks up: as a set joined in (`in (select …)`), a
 * planner without fresh statistics, right after a bulk import, looked up the address of every
 * person in the register first, and one match took 90 ms at 3 000 people.
 */
export async function loadMatchRecords(ctx: Ctx, ids: readonly string[]): Promise<MatchRecord[]> {
  authorize(ctx.actor, "register", "read");
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select p.id, p.given_names, p.greeting_name, p.greeting_uncertain, p.surname, p.personnummer,
          p.birth_date::text as birth_date, a.street, a.postal_code, a.city,
          (select array_agg(e.canonical) from emails e where e.person_id = p.id and e.removed_at is null) as emails,
          (select array_agg(t.e164) from phones t where t.person_id = p.id and t.removed_at is null) as phones
        from people p
        left join lateral (
          select street, postal_code, city from addresses
          where person_id = p.id and valid_to is null order by valid_from desc limit 1
        ) a on true
        where p.id = any(string_to_array(${ids.join(",")}, ',')::uuid[])
          and p.erased_at is null and p.merged_into is null`,
  );
  return rows.map(toMatchRecord);
}

function toMatchRecord(row: Row): MatchRecord {
  return {
    id: row.id,
    givenNames: row.given_names.split(/\s+/).filter(Boolean),
    preferredGivenNames: row.greeting_uncertain ? [] : [row.greeting_name],
    surname: row.surname,
    personnummer: row.personnummer,
    birthDate: row.birth_date,
    street: row.street,
    postnummer: row.postal_code ? row.postal_code.replace(/\s/g, "") : null,
    city: row.city,
    emails: row.emails ?? [],
    phones: row.phones ?? [],
  };
}

/**
 * The people who could be the same as `record`, found through indexes the way the matcher blocks:
 * the same personnummer, e-mail (or its local part), phone or street address; born the same day;
 * or the same surname and given name. Only these are scored, so matching one new record against
 * a million costs a handful of index look-ups.
 */
export async function findMatchCandidates(ctx: Ctx, record: MatchRecord): Promise<MatchRecord[]> {
  authorize(ctx.actor, "register", "read");
  const locals = record.emails.map((email) => email.split("@")[0] ?? "").filter((local) => local.length >= 4);
  const postnummer = record.postnummer ? `${record.postnummer.slice(0, 3)} ${record.postnummer.slice(3)}` : null;
  // Names and town block only records that nothing better identifies, as the matcher blocks: a
  // common name is thousands of people, a birth date a few dozen.
  const namesOnly = !record.birthDate && !record.personnummer;
  const wordOf = (name: string) => searchFold(name).trim().split(/\s+/)[0] ?? "";
  const surname = wordOf(record.surname);
  const given = wordOf(record.preferredGivenNames[0] ?? record.givenNames[0] ?? "");
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select distinct id from (
          ${record.personnummer ? sql`select id from people where personnummer = ${record.personnummer} union all` : sql``}
          ${record.birthDate ? sql`(select id from people where birth_date = ${record.birthDate}::date and merged_into is null and erased_at is null limit ${AT_MOST}) union all` : sql``}
          select person_id as id from emails where canonical in (select jsonb_array_elements_text(${JSON.stringify(record.emails)}::jsonb)) and removed_at is null
          union all
          select person_id as id from emails where ${
            locals.length
              ? sql.join(
                  locals.map((local) => sql`canonical like ${`${local.replace(/[\\%_]/g, "\\$&")}@%`}`),
                  sql` or `,
                )
              : sql`false`
          }
          union all
          select person_id as id from phones where e164 in (select jsonb_array_elements_text(${JSON.stringify(record.phones)}::jsonb)) and removed_at is null
          union all
          (select person_id as id from addresses where valid_to is null and postal_code = ${postnummer} and street = ${record.street} limit ${AT_MOST})
          union all
          (select s.person_id as id from person_name_words s join person_name_words g on g.person_id = s.person_id and g.word = ${given}
           where ${namesOnly ? sql`true` : sql`false`} and s.word = ${surname} ${
             // As the matcher blocks: the same names in the same town. Anna Andersson is many people.
             record.city
               ? sql`and exists (select 1 from addresses a where a.person_id = s.person_id and a.valid_to is null and a.city = ${record.city})`
               : sql``
           } limit ${AT_MOST})
        ) c where id is not null and id <> ${record.id}::uuid
        limit ${AT_MOST}`,
  );
  return loadMatchRecords(
    ctx,
    rows.map((row) => row.id),
  );
}

const COUNT_CACHE_MS = 10 * 60_000;
/** Counting a common word ("anna") is the price of a match; frequencies move slowly, so they are kept a while. */
const wordCounts = new WeakMap<object, Map<string, { n: number; at: number }>>();
/** Above this a word is common whatever its exact count; counting further only costs. */
const COUNT_CAP = 100_000;
const TOTAL = "\u0000people";

/** How many people carry each of these surnames and given names: the matcher's term frequencies. */
export async function nameCounts(
  ctx: Ctx,
  names: { surnames: string[]; givenNames: string[] },
): Promise<{ surname: Map<string, number>; givenName: Map<string, number>; total: number }> {
  const fold = (name: string) => searchFold(name).trim();
  let cache = wordCounts.get(ctx.db);
  if (!cache) {
    cache = new Map();
    wordCounts.set(ctx.db, cache);
  }
  // Real time, not the business clock: this is a cache lifetime.
  const now = Date.now();
  const fresh = (hit: { at: number } | undefined) => hit !== undefined && now - hit.at <= COUNT_CACHE_MS;
  let total = cache.get(TOTAL);
  if (!total || !fresh(total)) {
    // The planner's estimate is close enough for a frequency, and free; small registers count.
    const [row] = await queryRows<{ n: string }>(
      ctx.db,
      sql`select case when c.reltuples < 10000 then (select count(*) from people) else c.reltuples::bigint end as n
          from pg_class c where c.relname = 'people'`,
    );
    total = { n: Number(row?.n ?? 0), at: now };
    cache.set(TOTAL, total);
  }
  // A small register counts every time: it is cheap there, and its frequencies move fast.
  const cacheable = total.n >= 10_000;
  const words = [...new Set([...names.surnames, ...names.givenNames].map(fold))];
  const missing = cacheable ? words.filter((word) => !fresh(cache.get(word))) : words;
  if (missing.length > 0) {
    const counts = await queryRows<{ word: string; n: string }>(
      ctx.db,
      sql`select w.word, (select count(*) from (select 1 from person_name_words p where p.word = w.word limit ${COUNT_CAP}) c) as n
          from jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb) as w(word)`,
    );
    for (const row of counts) cache.set(row.word, { n: Number(row.n), at: now });
  }
  const pick = (list: string[]) => new Map(list.map((name) => [name, cache.get(fold(name))?.n ?? 0] as const));
  return { surname: pick(names.surnames), givenName: pick(names.givenNames), total: total.n };
}
