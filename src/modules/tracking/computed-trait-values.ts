import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { listComputedTraits } from "./list-computed-traits";
import { aggregateBuckets } from "./trait-deltas";

export interface TTraitValue {
  key: string;
  label: string;
  value: number | null;
  windowDays: number;
}

/** The first UTC day inside a trait's window: a 30-day window ending today starts 29 days ago. */
export function windowStart(now: Date, windowDays: number): string {
  return new Date(now.getTime() - (windowDays - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A person's computed traits as of now, read from the daily buckets: what rules and the 360 view
 * see, without touching raw events.
 */
export async function computedTraitValues(ctx: Ctx, personId: string): Promise<TTraitValue[]> {
  authorize(ctx.actor, "events", "read");
  const traits = await listComputedTraits(ctx);
  if (traits.length === 0) return [];
  const now = ctx.clock.now();
  const buckets = await queryRows<{
    trait_id: string;
    day: string;
    count: string;
    sum: number;
    min: number | null;
    max: number | null;
  }>(
    ctx.db,
    sql`select trait_id, day::text as day, count, sum, min, max from computed_trait_buckets
        where subject = ${personId} and day >= ${windowStart(now, 730)}::date`,
  );
  return traits.map((trait) => {
    const start = windowStart(now, trait.windowDays);
    const inWindow = buckets
      .filter((bucket) => bucket.trait_id === trait.id && bucket.day >= start)
      .map((bucket) => ({ ...bucket, count: Number(bucket.count) }));
    return {
      key: trait.key,
      label: trait.label,
      value: aggregateBuckets(trait.aggregate, inWindow),
      windowDays: trait.windowDays,
    };
  });
}
