import { count, desc, eq, sql } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { TTrackedEvent } from "./event-view";
import { moveBuckets } from "./link-identities";
import { trackedEvents, trackingIdentities } from "./schema";

/**
 * What was tracked about a person, for an access request: the newest `limit` events and how many
 * are held in all. A busy visitor can have hundreds of thousands; one export holds a bounded
 * number in memory, and the rest are paged with `GET /api/events?personId=`.
 */
export async function exportEventsOfPerson(
  ctx: Ctx,
  personId: string,
  limit: number,
): Promise<{ events: TTrackedEvent[]; total: number }> {
  authorize(ctx.actor, "events", "read");
  const [events, [counted]] = await sequentially([
    ctx.db
      .select()
      .from(trackedEvents)
      .where(eq(trackedEvents.personId, personId))
      .orderBy(desc(trackedEvents.occurredAt), desc(trackedEvents.id))
      .limit(limit),
    ctx.db.select({ total: count() }).from(trackedEvents).where(eq(trackedEvents.personId, personId)),
  ]);
  return { events, total: Number(counted?.total ?? 0) };
}

/**
 * Erasure: the person's raw events and identities are deleted; their computed-trait buckets are
 * folded into one anonymous subject, so totals per day survive without anyone behind them.
 */
export async function eraseEventsOfPerson(ctx: Ctx, personId: string): Promise<{ events: number }> {
  const identities = await ctx.db
    .select({ kind: trackingIdentities.kind, value: trackingIdentities.value })
    .from(trackingIdentities)
    .where(eq(trackingIdentities.personId, personId));
  const result = (await ctx.db.execute(sql`delete from tracked_events where person_id = ${personId}`)) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  for (const identity of identities) {
    // Events of the same device that arrived before it was linked and were never stitched.
    const column = identity.kind === "anonymous" ? sql`anonymous_id` : sql`user_id`;
    await ctx.db.execute(sql`delete from tracked_events where ${column} = ${identity.value}`);
  }
  await ctx.db.delete(trackingIdentities).where(eq(trackingIdentities.personId, personId));
  await ctx.db.execute(
    sql`update identity_conflicts set status = 'resolved' where (linked_person_id = ${personId} or claimed_person_id = ${personId}) and status = 'open'`,
  );
  await moveBuckets(ctx, personId, "erased");
  return { events: Number(result.rowCount ?? result.affectedRows ?? 0) };
}
