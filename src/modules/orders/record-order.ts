import type { Ctx } from "../../kernel/ctx";
import type { TRecordOrderInput } from "./order-input";
import { recordOrders } from "./record-orders";
import type { TOrder } from "./view";

/**
 * Records an order, or updates it when the same source sends the same external id again: the
 * web shop or ERP is the master of its orders, and a re-import must not duplicate them. Sent
 * again unchanged, it is left as it is: no audit entry, no event.
 */
export async function recordOrder(ctx: Ctx, input: TRecordOrderInput): Promise<{ order: TOrder; created: boolean }> {
  const [result] = await recordOrders(ctx, [input]);
  if (!result) throw new Error("an order recorded without a result");
  if ("error" in result) throw result.error;
  return { order: result.order, created: result.outcome === "created" };
}
