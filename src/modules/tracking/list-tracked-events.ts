import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import type { TTrackedEvent } from "./event-view";
import { SEGMENT_TYPES, trackedEvents } from "./schema";

export const ZListTrackedEventsInput = z.object({
  sourceId: z.uuid().optional(),
  type: z.enum(SEGMENT_TYPES).optional(),
  name: z.string().max(200).optional(),
  personId: z.uuid().optional(),
  anonymousId: z.string().max(500).optional(),
  userId: z.string().max(500).optional(),
  /** The id of the last event of the previous page; events arrive in id order. */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The live event stream, newest first, filtered; pages by the UUIDv7 id, which is arrival order. */
export async function listTrackedEvents(
  ctx: Ctx,
  input: z.input<typeof ZListTrackedEventsInput>,
): Promise<{ items: TTrackedEvent[]; nextBefore: string | null }> {
  authorize(ctx.actor, "events", "read");
  const query = parseInput(ZListTrackedEventsInput, input);
  const conditions: SQL[] = [];
  if (query.sourceId) conditions.push(eq(trackedEvents.sourceId, query.sourceId));
  if (query.type) conditions.push(eq(trackedEvents.type, query.type));
  if (query.name) conditions.push(eq(trackedEvents.name, query.name));
  if (query.personId) conditions.push(eq(trackedEvents.personId, query.personId));
  if (query.anonymousId) conditions.push(eq(trackedEvents.anonymousId, query.anonymousId));
  if (query.userId) conditions.push(eq(trackedEvents.userId, query.userId));
  if (query.before) conditions.push(lt(trackedEvents.id, query.before));
  const rows = await ctx.db
    .select()
    .from(trackedEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(trackedEvents.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextBefore: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}
