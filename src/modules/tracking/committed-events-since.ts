import { and, asc, eq, gt, inArray, isNotNull, lt, or, type SQL } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import type { TCommittedEvent } from "./group-writer";
import { trackedEvents } from "./schema";

/**
 * Events of known people that arrived between two ids (UUIDv7, so between two instants), of the
 * listed kinds, oldest first: what a consumer that missed the after-commit hook reads again.
 */
export async function committedEventsBetween(
  ctx: Ctx,
  query: {
    afterId: string;
    beforeId: string;
    kinds: ReadonlyArray<{ type: string; name: string | null }>;
    limit: number;
  },
): Promise<TCommittedEvent[]> {
  if (query.kinds.length === 0) return [];
  const byKind: SQL[] = query.kinds.map((kind) => {
    const sameType = eq(trackedEvents.type, kind.type as "track");
    return kind.name === null ? sameType : (and(sameType, eq(trackedEvents.name, kind.name)) as SQL);
  });
  const rows = await ctx.db
    .select({
      id: trackedEvents.id,
      type: trackedEvents.type,
      name: trackedEvents.name,
      personId: trackedEvents.personId,
      occurredAt: trackedEvents.occurredAt,
      properties: trackedEvents.properties,
      context: trackedEvents.context,
      enrichment: trackedEvents.enrichment,
    })
    .from(trackedEvents)
    .where(
      and(
        gt(trackedEvents.id, query.afterId),
        lt(trackedEvents.id, query.beforeId),
        isNotNull(trackedEvents.personId),
        inArray(
          trackedEvents.type,
          query.kinds.map((kind) => kind.type as "track"),
        ),
        or(...byKind),
      ),
    )
    .orderBy(asc(trackedEvents.id))
    .limit(query.limit);
  return rows;
}
