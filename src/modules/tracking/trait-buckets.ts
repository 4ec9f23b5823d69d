import { sql } from "drizzle-orm";
import { insertJsonRows } from "../../db/bulk";
import type { Ctx } from "../../kernel/ctx";
import type { TBucketDelta } from "./trait-deltas";

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds deltas to the daily buckets: counts and sums add up, minima and maxima widen. */
export async function upsertBuckets(ctx: Ctx, deltas: TBucketDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  // One order for every writer, so two transactions updating the same buckets cannot deadlock.
  deltas.sort(
    (a, b) => compareText(a.trait_id, b.trait_id) || compareText(a.subject, b.subject) || compareText(a.day, b.day),
  );
  await insertJsonRows(
    ctx.db,
    "computed_trait_buckets",
    {
      trait_id: "uuid",
      subject: "text",
      day: "date",
      count: "bigint",
      sum: "double precision",
      min: "double precision",
      max: "double precision",
    },
    deltas,
    sql`on conflict (subject, trait_id, day) do update set
        count = computed_trait_buckets.count + excluded.count,
        sum = computed_trait_buckets.sum + excluded.sum,
        min = least(computed_trait_buckets.min, excluded.min),
        max = greatest(computed_trait_buckets.max, excluded.max)`,
  );
}
