import { and, desc, gte, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ownedBy, type TimelineItem, type TimelineQuery, type TimelineSource } from "../../kernel/timeline";
import { eventDetail, eventDetailLine } from "./event-detail";
import { eventTitle } from "./event-view";
import { trackedEvents } from "./schema";

/**
 * Page views, app events and identifies in the 360 timeline, under kind `event`, each with a
 * one-line detail: what was viewed, the telling properties, where the visitor came from.
 */
export const trackingTimelineSource: TimelineSource = {
  name: "tracking",
  kinds: ["event"],
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    const owner = ownedBy(query, trackedEvents.personId);
    if (!owner) return [];
    const conditions: SQL[] = [owner];
    if (query.from) conditions.push(gte(trackedEvents.occurredAt, query.from));
    if (query.to) conditions.push(lte(trackedEvents.occurredAt, query.to));
    if (query.before) {
      const at = sql`${query.before.at.toISOString()}::timestamptz`;
      const before = or(
        sql`${trackedEvents.occurredAt} < ${at}`,
        and(sql`${trackedEvents.occurredAt} = ${at}`, sql`${trackedEvents.id} < ${query.before.id}`),
      );
      if (before) conditions.push(before);
    }
    const rows = await ctx.db
      .select()
      .from(trackedEvents)
      .where(and(...conditions))
      .orderBy(desc(trackedEvents.occurredAt), desc(trackedEvents.id))
      .limit(query.limit);
    return rows.map((row) => {
      const detail = eventDetail(row);
      // Whoever reads a person reads their timeline; the visitor's IP address is not theirs to see.
      const { ip: _ip, ...enrichment } = row.enrichment ?? {};
      return {
        id: row.id,
        kind: "event",
        occurredAt: row.occurredAt,
        title: eventTitle(row),
        summary: eventDetailLine(row.type, detail),
        personId: row.personId,
        organizationId: null,
        source: "tracking",
        data: { type: row.type, name: row.name, properties: row.properties, enrichment, detail },
      };
    });
  },
};
