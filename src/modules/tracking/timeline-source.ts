import { and, desc, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import type { TimelineItem, TimelineQuery, TimelineSource } from "../../kernel/timeline";
import { eventTitle } from "./event-view";
import { trackedEvents } from "./schema";

function summaryOf(row: typeof trackedEvents.$inferSelect): string | null {
  const enrichment = row.enrichment ?? {};
  const device = enrichment.device as { browser?: string | null; os?: string | null } | null | undefined;
  const reference = enrichment.reference as { channel?: string; source?: string | null } | undefined;
  const parts = [
    typeof row.properties?.url === "string" ? row.properties.url : null,
    device ? [device.browser, device.os].filter(Boolean).join(" on ") || null : null,
    reference && reference.channel !== "direct" && reference.channel !== "internal"
      ? `via ${reference.source ?? reference.channel}`
      : null,
    typeof enrichment.country === "string" ? enrichment.country : null,
  ];
  const text = parts.filter(Boolean).join(" · ");
  return text || null;
}

/** Page views, app events and identifies in the 360 timeline, under kind `event`. */
export const trackingTimelineSource: TimelineSource = {
  name: "tracking",
  kinds: ["event"],
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    if (query.personIds.length === 0) return [];
    const conditions: SQL[] = [inArray(trackedEvents.personId, [...query.personIds])];
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
    return rows.map((row) => ({
      id: row.id,
      kind: "event",
      occurredAt: row.occurredAt,
      title: eventTitle(row),
      summary: summaryOf(row),
      personId: row.personId,
      organizationId: null,
      source: "tracking",
      data: { type: row.type, name: row.name, properties: row.properties, enrichment: row.enrichment },
    }));
  },
};
