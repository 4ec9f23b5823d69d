import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** How many vocabulary words one query word may stand for. */
const CANDIDATES_PER_WORD = 8;

interface Candidate {
  token: number;
  word: string;
  score: number;
}

/**
 * The vocabulary words each query word may mean, best first: the word itself, then words it
 * begins ("birg åker" is typed for Birgitta Åkerlund), then close spellings.
 */
async function candidateWords(ctx: Ctx, tokens: readonly string[]): Promise<Candidate[][]> {
  const parts = tokens.map((token, index) => {
    const prefix = `${escapeLike(token)}%`;
    const similar = token.length < 3 ? sql`` : sql` or (word % ${token} and similarity(word, ${token}) >= 0.6)`;
    const score = sql`case when word = ${token} then 3 when word like ${prefix} then 1 else 0 end + similarity(word, ${token})`;
    return sql`(select ${index}::int as token, word, (${score})::float8 as score from name_vocabulary
      where word like ${prefix}${similar} order by 3 desc, word limit ${CANDIDATES_PER_WORD})`;
  });
  const rows = await queryRows<Candidate>(ctx.db, sql.join(parts, sql` union all `));
  const byToken: Candidate[][] = tokens.map(() => []);
  for (const row of rows) byToken[row.token]?.push({ ...row, score: Number(row.score) });
  for (const list of byToken) list.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
  return byToken;
}

/**
 * People matching every word of a name query, as a `hits (id, score)` CTE for the list query.
 *
 * First come the people who carry the best word for every query word ("lars" and "johansson"),
 * in id order: the word lists are read from the (word, person_id) index in person order and
 * merge-joined, so the query stops as soon as a page is full, whatever the names' frequency.
 * Only when those do not fill the page do the other spellings and prefixes follow, ordered by
 * name. The order is a fixed function of the register, so offset pagination stays consistent.
 */
export async function nameWordHits(
  ctx: Ctx,
  tokens: readonly string[],
  conditions: readonly SQL[],
  enough: number,
): Promise<SQL> {
  const candidates = await candidateWords(ctx, tokens);
  if (candidates.some((list) => list.length === 0))
    return sql`with hits as (select null::uuid as id, 0 as score where false)`;
  const filters = sql.join([...conditions], sql` and `);
  const best = candidates.map((list) => (list[0] as Candidate).word);
  const joins = best
    .slice(1)
    .map(
      (word, index) =>
        sql` join person_name_words ${sql.raw(`w${index + 1}`)} on ${sql.raw(`w${index + 1}`)}.word = ${word} and ${sql.raw(`w${index + 1}`)}.person_id = w0.person_id`,
    );
  const first = await queryRows<{ id: string }>(
    ctx.db,
    sql`select w0.person_id as id from person_name_words w0${sql.join(joins, sql``)}
        join people p on p.id = w0.person_id
        where w0.word = ${best[0]} and ${filters}
        order by w0.person_id limit ${enough}`,
  );
  const ids = first.map((row) => row.id);
  // Scores above zero keep the best-word people first and in id order in the list query.
  const exact = sql`select id, (${enough} - ord)::int as score
    from unnest(${`{${ids.join(",")}}`}::uuid[]) with ordinality as x(id, ord)`;
  if (ids.length >= enough || candidates.every((list) => list.length === 1)) {
    return sql`with hits as (${exact})`;
  }
  // The rest: every combination of candidate words, as intersected sets read from the index.
  const sets = candidates.map(
    (list) =>
      sql`select person_id from person_name_words
        where word = any(array(select jsonb_array_elements_text(${JSON.stringify(list.map((c) => c.word))}::jsonb)))`,
  );
  return sql`with matched as (${sql.join(sets, sql` intersect `)}),
    hits as (${exact}
      union all
      select p.id, 0 as score from people p
      where p.id = any(array(select person_id from matched)) and not (p.id = any(${`{${ids.join(",")}}`}::uuid[]))
        and ${filters})`;
}
