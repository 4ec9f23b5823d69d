import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { TBucketDelta } from "./trait-deltas";

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Drops every trait bucket of these people: for a person who objects to profiling no computed
 * trait is kept (GDPR art. 21), so rules, segments and the 360 view have nothing to read.
 */
export async function forgetTraitBuckets(ctx: Pick<Ctx, "db">, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await ctx.db.execute(
    sql`delete from computed_trait_buckets
        where subject in (select jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))`,
  );
}

/** Adds deltas to the daily buckets: counts and sums add up, minima and maxima widen. */
export async function upsertBuckets(ctx: Ctx, deltas: TBucketDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  // One order for every writer, so two transactions updating the same buckets cannot deadlock.
  deltas.sort(
    (a, b) => compareText(a.trait_id, b.trait_id) || compareText(a.subject, b.subject) || compareText(a.day, b.day),
  );
  // One array per column, each a single parameter: PostgreSQL reads them faster than a JSON
  // array of objects, and they are cheaper to build here.
  const column = (value: (delta: TBucketDelta) => unknown) => sql.param(deltas.map(value));
  await ctx.db.execute(
    sql`insert into computed_trait_buckets (trait_id, subject, day, count, sum, min, max)
        select * from unnest(
          ${column((delta) => delta.trait_id)}::uuid[], ${column((delta) => delta.subject)}::text[],
          ${column((delta) => delta.day)}::date[], ${column((delta) => delta.count)}::bigint[],
          ${column((delta) => delta.sum)}::float8[], ${column((delta) => delta.min)}::float8[],
          ${column((delta) => delta.max)}::float8[])
        on conflict (subject, trait_id, day) do update set
          count = computed_trait_buckets.count + excluded.count,
          sum = computed_trait_buckets.sum + excluded.sum,
          min = least(computed_trait_buckets.min, excluded.min),
          max = greatest(computed_trait_buckets.max, excluded.max)`,
  );
}

/** A person's daily trait buckets, as a merge keeps them for an undo. */
export type TTraitBuckets = Array<Omit<TBucketDelta, "subject">>;

export async function traitBucketsOf(ctx: Pick<Ctx, "db">, personId: string): Promise<TTraitBuckets> {
  return queryRows<TTraitBuckets[number]>(
    ctx.db,
    sql`select trait_id, day::text as day, count::float8 as count, sum, min, max
        from computed_trait_buckets where subject = ${personId}`,
  );
}

/** Puts kept buckets back on a person, added to any counted since. */
export async function restoreTraitBuckets(ctx: Ctx, personId: string, buckets: TTraitBuckets): Promise<void> {
  await upsertBuckets(
    ctx,
    buckets.map((bucket) => ({ ...bucket, subject: personId })),
  );
}
