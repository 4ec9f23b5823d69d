import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { moveBuckets } from "./link-identities";
import { trackedEvents, trackingIdentities } from "./schema";
import { type TTraitBuckets, traitBucketsOf } from "./trait-buckets";
import { loadTraitDefinitions } from "./trait-definitions";
import { traitDeltas } from "./trait-deltas";

export interface TTrackingMove {
  identities: Array<{ kind: "anonymous" | "user"; value: string }>;
  eventIds: string[];
  buckets: TTraitBuckets;
}

/** A merge moves a person's identities, events and trait buckets to the survivor. */
export async function moveTrackingOfPerson(ctx: Ctx, fromPersonId: string, toPersonId: string): Promise<TTrackingMove> {
  const identities = await ctx.db
    .update(trackingIdentities)
    .set({ personId: toPersonId })
    .where(eq(trackingIdentities.personId, fromPersonId))
    .returning({ kind: trackingIdentities.kind, value: trackingIdentities.value });
  const events = await ctx.db
    .update(trackedEvents)
    .set({ personId: toPersonId })
    .where(eq(trackedEvents.personId, fromPersonId))
    .returning({ id: trackedEvents.id });
  const buckets = await traitBucketsOf(ctx, fromPersonId);
  await moveBuckets(ctx, fromPersonId, toPersonId);
  return { identities, eventIds: events.map((row) => row.id), buckets };
}

/**
 * An unmerge gives back the identities and events the merge moved, and the events that arrived
 * since through those identities: a visit from the merged person's phone is theirs, whoever it
 * was filed under meanwhile. Their trait counts go back with them.
 */
export async function returnTracking(
  ctx: Ctx,
  move: TTrackingMove,
  survivorId: string,
  personId: string,
): Promise<void> {
  const anonymous = move.identities
    .filter((identity) => identity.kind === "anonymous")
    .map((identity) => identity.value);
  const users = move.identities.filter((identity) => identity.kind === "user").map((identity) => identity.value);
  for (const identity of move.identities) {
    await ctx.db
      .update(trackingIdentities)
      .set({ personId })
      .where(
        and(
          eq(trackingIdentities.kind, identity.kind),
          eq(trackingIdentities.value, identity.value),
          eq(trackingIdentities.personId, survivorId),
        ),
      );
  }
  const since = [
    ...(anonymous.length ? [inArray(trackedEvents.anonymousId, anonymous)] : []),
    ...(users.length ? [inArray(trackedEvents.userId, users)] : []),
    ...(move.eventIds.length ? [inArray(trackedEvents.id, move.eventIds)] : []),
  ];
  if (since.length === 0) return;
  const returned = await ctx.db
    .update(trackedEvents)
    .set({ personId })
    .where(and(eq(trackedEvents.personId, survivorId), or(...since)))
    .returning({
      type: trackedEvents.type,
      name: trackedEvents.name,
      occurredAt: trackedEvents.occurredAt,
      properties: trackedEvents.properties,
      id: trackedEvents.id,
    });
  // Buckets the merge moved go back whole; counts of events that came since, event by event.
  const movedIds = new Set(move.eventIds);
  const traits = await loadTraitDefinitions(ctx);
  const later = traitDeltas(
    traits,
    returned.filter((event) => !movedIds.has(event.id)).map((event) => ({ ...event, subject: personId })),
  );
  const back = [
    ...move.buckets.map((bucket) => ({ ...bucket, subject: personId })),
    ...later.map(({ trait_id, day, count, sum, min, max }) => ({
      trait_id,
      day,
      count,
      sum,
      min,
      max,
      subject: personId,
    })),
  ];
  for (const bucket of back) {
    await ctx.db.execute(sql`update computed_trait_buckets set count = count - ${bucket.count}, sum = sum - ${bucket.sum}
      where trait_id = ${bucket.trait_id} and subject = ${survivorId} and day = ${bucket.day}::date`);
    await ctx.db.execute(sql`insert into computed_trait_buckets (trait_id, subject, day, count, sum, min, max)
      values (${bucket.trait_id}, ${personId}, ${bucket.day}::date, ${bucket.count}, ${bucket.sum}, ${bucket.min}, ${bucket.max})
      on conflict (subject, trait_id, day) do update set count = computed_trait_buckets.count + excluded.count,
        sum = computed_trait_buckets.sum + excluded.sum`);
  }
  await ctx.db.execute(sql`delete from computed_trait_buckets where subject = ${survivorId} and count <= 0`);
}
