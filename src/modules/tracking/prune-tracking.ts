import { sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { windowStart } from "./computed-trait-values";
import { dropEventPartitionsBefore, ensureEventPartition } from "./ensure-event-partition";

const DAY = 86_400_000;

export interface TRetention {
  /** How long raw events are kept. */
  eventDays: number;
  /** How long a message id is remembered for de-duplication. */
  dedupeDays: number;
}

/**
 * The daily retention pass: drops raw-event months past retention, forgets old message ids and
 * rejections, and drops trait buckets that have left every window. Aggregates outlive raw events:
 * a bucket stays as long as its trait's window reaches it.
 */
export async function pruneTracking(ctx: Ctx, retention: TRetention): Promise<{ droppedPartitions: string[] }> {
  const now = ctx.clock.now();
  await ensureEventPartition(ctx, now);
  await ensureEventPartition(ctx, new Date(now.getTime() + 32 * DAY));
  const droppedPartitions = await dropEventPartitionsBefore(ctx, new Date(now.getTime() - retention.eventDays * DAY));
  await ctx.db.execute(
    sql`delete from tracked_message_ids where received_at < ${new Date(now.getTime() - retention.dedupeDays * DAY).toISOString()}`,
  );
  await ctx.db.execute(
    sql`delete from tracking_rejections where received_at < ${new Date(now.getTime() - 7 * DAY).toISOString()}`,
  );
  await ctx.db.execute(
    sql`delete from computed_trait_buckets b using computed_traits t
        where b.trait_id = t.id and b.day < (${windowStart(now, 1)}::date - t.window_days)`,
  );
  return { droppedPartitions };
}
