import { and, desc, gte, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ownedBy, type TimelineItem, type TimelineQuery, type TimelineSource } from "../../kernel/timeline";
import { messages } from "./schema";

/** Messages in the 360° timeline, read through the (person, queued, id) index. */
export const messagesTimelineSource: TimelineSource = {
  name: "messages",
  kinds: ["message"],
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    const owner = ownedBy(query, messages.personId);
    if (!owner) return [];
    const conditions: SQL[] = [owner];
    if (query.from) conditions.push(gte(messages.queuedAt, query.from));
    if (query.to) conditions.push(lte(messages.queuedAt, query.to));
    if (query.before) {
      const at = sql`${query.before.at.toISOString()}::timestamptz`;
      const before = or(
        sql`${messages.queuedAt} < ${at}`,
        and(sql`${messages.queuedAt} = ${at}`, sql`${messages.id} < ${query.before.id}`),
      );
      if (before) conditions.push(before);
    }
    const rows = await ctx.db
      .select({
        id: messages.id,
        personId: messages.personId,
        channel: messages.channel,
        purpose: messages.purpose,
        status: messages.status,
        suppressedReason: messages.suppressedReason,
        subject: messages.subject,
        bodyText: messages.bodyText,
        toAddress: messages.toAddress,
        ruleId: messages.ruleId,
        campaignId: messages.campaignId,
        queuedAt: messages.queuedAt,
        sentAt: messages.sentAt,
      })
      .from(messages)
      .where(and(...conditions))
      .orderBy(desc(messages.queuedAt), desc(messages.id))
      .limit(query.limit);
    return rows.map((row) => ({
      id: row.id,
      kind: "message",
      occurredAt: row.queuedAt,
      title: row.subject,
      summary: row.bodyText.slice(0, 500),
      personId: row.personId,
      organizationId: null,
      source: "messages",
      data: {
        channel: row.channel,
        purpose: row.purpose,
        status: row.status,
        suppressedReason: row.suppressedReason,
        toAddress: row.toAddress,
        ruleId: row.ruleId,
        campaignId: row.campaignId,
        sentAt: row.sentAt,
      },
    }));
  },
};
