import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { type TTrackedEvent, ZTrackedEvent } from "./event-view";
import { trackedEvents, trackingRejections } from "./schema";

export const ZTrackingRejection = z.object({
  id: z.uuid(),
  sourceId: z.uuid().nullable(),
  receivedAt: z.date(),
  code: z.string(),
  detail: z.string(),
  field: z.string().nullable(),
  excerpt: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TTrackingRejection = z.infer<typeof ZTrackingRejection>;

export const ZSourceDebugger = z.object({
  events: z.array(ZTrackedEvent),
  rejections: z.array(ZTrackingRejection),
});

/** What a source sent lately: its last accepted events and its last rejected requests with why. */
export async function sourceDebugger(
  ctx: Ctx,
  sourceId: string,
  limit = 50,
): Promise<{ events: TTrackedEvent[]; rejections: TTrackingRejection[] }> {
  authorize(ctx.actor, "events", "read");
  const [events, rejections] = await Promise.all([
    ctx.db
      .select()
      .from(trackedEvents)
      .where(eq(trackedEvents.sourceId, sourceId))
      .orderBy(desc(trackedEvents.id))
      .limit(limit),
    ctx.db
      .select()
      .from(trackingRejections)
      .where(eq(trackingRejections.sourceId, sourceId))
      .orderBy(desc(trackingRejections.receivedAt), desc(trackingRejections.id))
      .limit(limit),
  ]);
  return { events, rejections };
}
