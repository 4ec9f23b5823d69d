import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { readableOrders } from "./order-access";
import { orders } from "./schema";
import { type TOrder, toOrderView } from "./view";

export async function exportOrdersOfPerson(ctx: Ctx, personId: string): Promise<TOrder[]> {
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.personId, personId), readableOrders(ctx.actor)))
    .orderBy(desc(orders.orderedAt));
  return rows.map(toOrderView);
}

/**
 * Erasure keeps the order amounts and dates, which sales statistics need, but cuts every link
 * to the person: the order can no longer be traced back to anyone.
 */
export async function anonymiseOrdersOfPerson(ctx: Ctx, personId: string): Promise<string[]> {
  const updated = await ctx.db
    .update(orders)
    .set({ personId: null, number: null, externalId: null, lines: [], updatedAt: ctx.clock.now() })
    .where(eq(orders.personId, personId))
    .returning({ id: orders.id });
  return updated.map((row) => row.id);
}
