import { and, desc, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ownedBy, type TimelineItem, type TimelineQuery, type TimelineSource } from "../../kernel/timeline";
import { ACTIVITY_KINDS, activities, documents } from "./schema";

/** Activities and documents in the 360° timeline, read through the (person, time, id) index. */
export const activitiesTimelineSource: TimelineSource = {
  name: "activities",
  kinds: ACTIVITY_KINDS,
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    const owner = ownedBy(query, activities.personId, activities.organizationId);
    if (!owner) return [];
    const conditions: SQL[] = [owner];
    if (query.kinds?.length)
      conditions.push(inArray(activities.kind, query.kinds as (typeof ACTIVITY_KINDS)[number][]));
    if (query.from) conditions.push(gte(activities.occurredAt, query.from));
    if (query.to) conditions.push(lte(activities.occurredAt, query.to));
    if (query.before) {
      const before = query.before;
      const at = sql`${before.at.toISOString()}::timestamptz`;
      const beforeCondition = or(
        sql`${activities.occurredAt} < ${at}`,
        and(sql`${activities.occurredAt} = ${at}`, sql`${activities.id} < ${before.id}`),
      );
      if (beforeCondition) conditions.push(beforeCondition);
    }
    const rows = await ctx.db
      .select()
      .from(activities)
      .where(and(...conditions))
      .orderBy(desc(activities.occurredAt), desc(activities.id))
      .limit(query.limit);
    const documentIds = rows.filter((row) => row.kind === "document").map((row) => row.id);
    const attached = documentIds.length
      ? await ctx.db
          .select({
            id: documents.id,
            activityId: documents.activityId,
            filename: documents.filename,
            contentType: documents.contentType,
            sizeBytes: documents.sizeBytes,
          })
          .from(documents)
          .where(inArray(documents.activityId, documentIds))
      : [];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occurredAt: row.occurredAt,
      title: row.subject,
      summary: row.body ? row.body.slice(0, 500) : null,
      personId: row.personId,
      organizationId: row.organizationId,
      source: "activities",
      data: {
        ...row.data,
        direction: row.direction,
        dueAt: row.dueAt,
        status: row.status,
        ownerId: row.ownerId,
        documents: attached.filter((doc) => doc.activityId === row.id).map(({ activityId: _a, ...doc }) => doc),
      },
    }));
  },
};
