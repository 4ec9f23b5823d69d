import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { orders } from "./schema";

/** A merge moves a person's orders to the survivor; returns their ids for an unmerge. */
export async function moveOrdersOfPerson(ctx: Ctx, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const moved = await ctx.db
    .update(orders)
    .set({ personId: toPersonId })
    .where(eq(orders.personId, fromPersonId))
    .returning({ id: orders.id });
  return moved.map((row) => row.id);
}

/** An unmerge gives the listed orders back, where they are still with the survivor. */
export async function returnOrders(ctx: Ctx, ids: readonly string[], fromPersonId: string, toPersonId: string) {
  if (ids.length === 0) return;
  await ctx.db
    .update(orders)
    .set({ personId: toPersonId })
    .where(and(inArray(orders.id, [...ids]), eq(orders.personId, fromPersonId)));
}
