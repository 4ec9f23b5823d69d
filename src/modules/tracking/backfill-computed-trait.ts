import { eq, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import type { ObjectorLookup } from "./group-writer";
import { computedTraits } from "./schema";
import { upsertBuckets } from "./trait-buckets";
import { type TTraitDefinition, traitDeltas } from "./trait-deltas";

const PAGE = 5_000;

/**
 * Folds the retained raw events received before a trait was defined into its buckets, a page at
 * a time. Events received after the definition are already counted at ingestion, so the backfill
 * stops at `createdAt` and running it twice is prevented by `backfilledAt`. Events of people who
 * object to profiling are left out, as at ingestion.
 */
export async function backfillComputedTrait(
  ctx: Ctx,
  traitId: string,
  objectors: ObjectorLookup,
): Promise<{ events: number }> {
  authorize(ctx.actor, "events", "write");
  const [trait] = await ctx.db.select().from(computedTraits).where(eq(computedTraits.id, traitId));
  if (!trait) throw notFound("computed trait", traitId);
  if (trait.backfilledAt) return { events: 0 };
  const definition: TTraitDefinition = { ...trait };
  const since = new Date(trait.createdAt.getTime() - trait.windowDays * 86_400_000);
  let after = "00000000-0000-0000-0000-000000000000";
  let total = 0;
  return withTransaction(ctx, async (tx) => {
    for (;;) {
      const rows = await queryRows<{
        id: string;
        type: string;
        name: string | null;
        subject: string | null;
        person_id: string | null;
        occurred_at: string;
        properties: Record<string, unknown> | null;
      }>(
        tx.db,
        sql`select id, type, name, occurred_at, properties, person_id::text as person_id,
              coalesce(person_id::text, 'a:' || anonymous_id, 'u:' || user_id) as subject
            from tracked_events
            where id > ${after}::uuid and received_at < ${trait.createdAt.toISOString()}::timestamptz
              and occurred_at >= ${since.toISOString()}::timestamptz and type = ${trait.eventType}
              ${trait.eventName ? sql`and name = ${trait.eventName}` : sql``}
            order by id limit ${PAGE}`,
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      total += rows.length;
      const objecting = await objectors(
        tx,
        rows.flatMap((row) => (row.person_id ? [row.person_id] : [])),
      );
      const deltas = traitDeltas(
        [definition],
        rows
          .filter((row) => !(row.person_id && objecting.has(row.person_id)))
          .map((row) => ({ ...row, occurredAt: new Date(row.occurred_at) })),
      );
      await upsertBuckets(tx, deltas);
    }
    await tx.db.update(computedTraits).set({ backfilledAt: tx.clock.now() }).where(eq(computedTraits.id, traitId));
    return { events: total };
  });
}
