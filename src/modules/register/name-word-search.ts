import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * A person found by a name query, with the key that orders the result: score (highest first),
 * then the name word the person was found by, then id (registration order). Scores are integers
 * (similarity × 100 000) so that the key compares exactly between pages and stores.
 */
export interface NameHit {
  id: string;
  score: number;
  word: string;
}

/** Where the previous page ended: the last hit's key. */
export const ZNameCursor = z.strictObject({ s: z.number().int(), w: z.string().max(200), i: z.uuid() });
export type TNameCursor = z.infer<typeof ZNameCursor>;

/** How many vocabulary words one word of a one-word query may stand for. */
const CANDIDATES_ONE_WORD = 200;
/** How many vocabulary words each word of a several-word query may stand for. */
const CANDIDATES_PER_WORD = 8;
/** Above every score a combination of other spellings can reach: people with the best words. */
const BEST_WORDS_SCORE = 1_000_000_000;
/** Streams read in the first round: most pages fill from the best few words. */
const FIRST_ROUND = 8;

interface Candidate {
  word: string;
  score: number;
}

/**
 * People matching a name query, at most `want` of them, after `after`, in the order of the key
 * (score desc, word, id). The order is a function of the register alone, and every page is read
 * from its key, so pages neither repeat nor skip anyone.
 */
export function nameSearchHits(
  ctx: Ctx,
  tokens: readonly string[],
  conditions: readonly SQL[],
  after: TNameCursor | null,
  want: number,
): Promise<NameHit[]> {
  return tokens.length === 1
    ? oneWordHits(ctx, tokens[0] as string, conditions, after, want)
    : severalWordHits(ctx, tokens, conditions, after, want);
}

/**
 * One word: it is matched against the distinct name words (prefix, or trigram similarity for
 * misspellings), and each matching word leads to its people through the (word, person_id)
 * btree, in id order. A person is found by their best word only (ties broken by the word), so
 * a word's stream never spends its quota on someone who belongs higher up: "eri" finds Erik
 * Eriksson among the Eriks, and the Erikssons' stream holds only those not called Erik. Each
 * stream reads at most one page, so a common name costs no more than a rare one.
 */
async function oneWordHits(
  ctx: Ctx,
  token: string,
  conditions: readonly SQL[],
  after: TNameCursor | null,
  want: number,
): Promise<NameHit[]> {
  const prefix = `${escapeLike(token)}%`;
  const similar = token.length < 3 ? sql`` : sql` or word % ${token}`;
  // Words sort byte by byte ("C"), as JavaScript compares them below.
  const candidates = await queryRows<Candidate>(
    ctx.db,
    sql`select word collate "C" as word,
        round(((case when word like ${prefix} then 1 else 0 end) + similarity(word, ${token})) * 100000)::int as score
      from name_vocabulary where word like ${prefix}${similar}
      order by 2 desc, 1 limit ${CANDIDATES_ONE_WORD}`,
  );
  const rank = Object.fromEntries(candidates.map((candidate, index) => [candidate.word, index]));
  const streams = candidates
    .map((candidate, index) => ({ ...candidate, rank: index, after: null as string | null }))
    .filter((stream) => {
      if (!after || stream.score < after.s) return true;
      if (stream.score > after.s) return false;
      if (stream.word === after.w) stream.after = after.i;
      return stream.word >= after.w;
    });
  const hits: NameHit[] = [];
  for (const round of [streams.slice(0, FIRST_ROUND), streams.slice(FIRST_ROUND)]) {
    if (round.length === 0 || hits.length >= want) break;
    const rows = await queryRows<{ id: string; rank: number }>(
      ctx.db,
      sql`select x.id, s.rank from jsonb_to_recordset(${JSON.stringify(round)}::jsonb)
          as s(word text, rank int, after uuid)
        cross join lateral (
          select w0.person_id as id from person_name_words w0 join people p on p.id = w0.person_id
          where w0.word = s.word and (s.after is null or w0.person_id > s.after)
            and ${sql.join([...conditions], sql` and `)}
            and (s.rank = 0 or not exists (select 1 from unnest(string_to_array(btrim(p.search_text), ' ')) as pw(word)
              where (${JSON.stringify(rank)}::jsonb ->> pw.word)::int < s.rank))
          order by w0.person_id limit ${want - hits.length}) x`,
    );
    rows.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const row of rows) {
      const candidate = candidates[row.rank] as Candidate;
      hits.push({ id: row.id, score: candidate.score, word: candidate.word });
    }
  }
  return hits.slice(0, want);
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
    return sql`(select ${index}::int as token, word collate "C" as word, round((${score}) * 100000)::int as score
      from name_vocabulary where word like ${prefix}${similar} order by 3 desc, 2 limit ${CANDIDATES_PER_WORD})`;
  });
  const rows = await queryRows<Candidate & { token: number }>(ctx.db, sql.join(parts, sql` union all `));
  const byToken: Candidate[][] = tokens.map(() => []);
  for (const row of rows) byToken[row.token]?.push({ word: row.word, score: Number(row.score) });
  for (const list of byToken) list.sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1));
  return byToken;
}

/**
 * Several words: every word of the query must match a word of the person.
 *
 * First come the people who carry the best word for every query word ("lars" and "johansson"),
 * in id order: the word lists are read from the (word, person_id) index in person order and
 * merge-joined, so the query stops as soon as a page is full, whatever the names' frequency.
 * Then the other spellings and prefixes, by the sum of each word's best score, then id.
 */
async function severalWordHits(
  ctx: Ctx,
  tokens: readonly string[],
  conditions: readonly SQL[],
  after: TNameCursor | null,
  want: number,
): Promise<NameHit[]> {
  const candidates = await candidateWords(ctx, tokens);
  if (candidates.some((list) => list.length === 0)) return [];
  const filters = sql.join([...conditions], sql` and `);
  const best = candidates.map((list) => (list[0] as Candidate).word);
  const hits: NameHit[] = [];
  if (!after || after.s === BEST_WORDS_SCORE) {
    const joins = best.slice(1).map((word, index) => {
      const alias = sql.raw(`w${index + 1}`);
      return sql` join person_name_words ${alias} on ${alias}.word = ${word} and ${alias}.person_id = w0.person_id`;
    });
    const rows = await queryRows<{ id: string }>(
      ctx.db,
      sql`select w0.person_id as id from person_name_words w0${sql.join(joins, sql``)}
        join people p on p.id = w0.person_id
        where w0.word = ${best[0]} and ${filters}${after ? sql` and w0.person_id > ${after.i}` : sql``}
        order by w0.person_id limit ${want}`,
    );
    hits.push(...rows.map((row) => ({ id: row.id, score: BEST_WORDS_SCORE, word: "" })));
  }
  if (hits.length >= want || candidates.every((list) => list.length === 1)) return hits;

  // The rest: each query word's best score per person, read from the index for all its words.
  const perToken = candidates.map((list, index) => {
    // A VALUES list joined to the (word, person_id) index: one index range per candidate word.
    const words = sql.join(
      list.map(
        (candidate, rank) =>
          sql`(${candidate.word}, ${candidate.score}::int, ${sql.raw(rank === 0 ? "true" : "false")})`,
      ),
      sql`, `,
    );
    return sql`${sql.raw(`t${index}`)} as (select w.person_id, max(c.score) as s, bool_or(c.best) as b
      from (values ${words}) as c(word, score, best) join person_name_words w on w.word = c.word
      group by w.person_id)`;
  });
  const names = candidates.map((_, index) => sql.raw(`t${index}`));
  const joined = sql.join(
    names.map((name, index) => (index === 0 ? name : sql`join ${name} using (person_id)`)),
    sql` `,
  );
  const sum = sql.join(
    names.map((name) => sql`${name}.s`),
    sql` + `,
  );
  const allBest = sql.join(
    names.map((name) => sql`${name}.b`),
    sql` and `,
  );
  const afterRest =
    after && after.s !== BEST_WORDS_SCORE
      ? sql` and (r.score < ${after.s} or (r.score = ${after.s} and r.id > ${after.i}))`
      : sql``;
  const rows = await queryRows<{ id: string; score: number }>(
    ctx.db,
    sql`with ${sql.join(perToken, sql`, `)},
      -- Materialised: the few people matching every word are found first, then looked up.
      rest as materialized (select person_id as id, (${sum})::int as score from ${joined} where not (${allBest}))
      select r.id, r.score from rest r join people p on p.id = r.id
      -- As an array, the people are read by id: the planner cannot know how few they are.
      where p.id = any(array(select id from rest)) and ${filters}${afterRest}
      order by r.score desc, r.id limit ${want - hits.length}`,
  );
  hits.push(...rows.map((row) => ({ id: row.id, score: Number(row.score), word: "" })));
  return hits;
}
