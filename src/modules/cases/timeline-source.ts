import { and, desc, gte, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ownedBy, type TimelineItem, type TimelineQuery, type TimelineSource } from "../../kernel/timeline";
import { cases } from "./schema";

/** Cases in the 360° timeline at the moment they were opened, read through the (person, time, id) index. */
export const casesTimelineSource: TimelineSource = {
  name: "cases",
  kinds: ["case"],
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    const owner = ownedBy(query, cases.personId, cases.organizationId);
    if (!owner) return [];
    const conditions: SQL[] = [owner];
    if (query.from) conditions.push(gte(cases.openedAt, query.from));
    if (query.to) conditions.push(lte(cases.openedAt, query.to));
    if (query.before) {
      const at = sql`${query.before.at.toISOString()}::timestamptz`;
      const before = or(
        sql`${cases.openedAt} < ${at}`,
        and(sql`${cases.openedAt} = ${at}`, sql`${cases.id} < ${query.before.id}`),
      );
      if (before) conditions.push(before);
    }
    const rows = await ctx.db
      .select()
      .from(cases)
      .where(and(...conditions))
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(query.limit);
    return rows.map((row) => ({
      id: row.id,
      kind: "case",
      occurredAt: row.openedAt,
      title: `Case ${row.number}: ${row.subject}`,
      summary: `${row.category} · ${row.status} · ${row.priority} · line ${row.line}`,
      personId: row.personId,
      organizationId: row.organizationId,
      source: "cases",
      data: {
        number: Number(row.number),
        subject: row.subject,
        category: row.category,
        channel: row.channel,
        priority: row.priority,
        status: row.status,
        line: row.line,
        escalationLevel: row.escalationLevel,
        teamId: row.teamId,
        assigneeId: row.assigneeId,
        resolvedAt: row.resolvedAt,
        closedAt: row.closedAt,
      },
    }));
  },
};
