import { and, desc, gte, lte, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ownedBy, type TimelineItem, type TimelineQuery, type TimelineSource } from "../../kernel/timeline";
import { readableOrders } from "./order-access";
import { orders } from "./schema";

const kronor = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK" });

export const ordersTimelineSource: TimelineSource = {
  name: "orders",
  kinds: ["order"],
  async list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]> {
    const owner = ownedBy(query, orders.personId, orders.organizationId);
    if (!owner) return [];
    const conditions: SQL[] = [owner];
    const readable = readableOrders(ctx.actor);
    if (readable) conditions.push(readable);
    if (query.from) conditions.push(gte(orders.orderedAt, query.from));
    if (query.to) conditions.push(lte(orders.orderedAt, query.to));
    if (query.before) {
      const at = sql`${query.before.at.toISOString()}::timestamptz`;
      const before = or(
        sql`${orders.orderedAt} < ${at}`,
        and(sql`${orders.orderedAt} = ${at}`, sql`${orders.id} < ${query.before.id}`),
      );
      if (before) conditions.push(before);
    }
    const rows = await ctx.db
      .select()
      .from(orders)
      .where(and(...conditions))
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(query.limit);
    return rows.map((row) => ({
      id: row.id,
      kind: "order",
      occurredAt: row.orderedAt,
      title: `Order ${row.number ?? row.externalId ?? row.id.slice(0, 8)}`,
      summary: `${kronor.format(Number(row.totalSek))} · ${row.status}`,
      personId: row.personId,
      organizationId: row.organizationId,
      source: "orders",
      data: { status: row.status, totalSek: Number(row.totalSek), lines: row.lines.length, number: row.number },
    }));
  },
};
