import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import type { TTrackedEvent } from "./event-view";
import { moveBuckets } from "./link-identities";
import { trackedEvents, trackingIdentities } from "./schema";

/** Everything tracked about a person, for an access request. */
export async function exportEventsOfPerson(ctx: Ctx, personId: string): Promise<TTrackedEvent[]> {
  return ctx.db
    .select()
    .from(trackedEvents)
    .where(eq(trackedEvents.personId, personId))
    .orderBy(trackedEvents.occurredAt);
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
