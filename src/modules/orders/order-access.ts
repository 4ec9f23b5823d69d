import { eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Actor } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize, scopeAllows } from "../../kernel/permissions";
import { orders } from "./schema";

/** Who a new order belongs to: the seller recording it, and their team when they have one. */
export function newOrderOwner(actor: Actor): { ownerId: string | null; ownerTeamId: string | null } {
  if (actor.kind === "system") return { ownerId: null, ownerTeamId: null };
  return { ownerId: actor.userId, ownerTeamId: actor.teamIds.length === 1 ? (actor.teamIds[0] ?? null) : null };
}

/** An order recorded by someone else may be changed only within the role's scope; unowned ones by anyone who may write orders. */
export function assertMayWriteOrder(
  ctx: Ctx,
  row: { id: string; ownerId: string | null; ownerTeamId: string | null },
): void {
  const scope = authorize(ctx.actor, "sales", "write");
  if (row.ownerId === null && row.ownerTeamId === null) return;
  if (!scopeAllows(ctx.actor, scope, row)) {
    throw new AppError(
      "forbidden",
      "This order was recorded by another seller; your role may change only your own orders",
      {
        extra: { entity: "order", id: row.id },
      },
    );
  }
}

/** The orders the caller may read: all, or (for a role that reads only its team's) its own, its teams' and unowned ones. */
export function readableOrders(actor: Actor): SQL | undefined {
  const scope = authorize(actor, "sales", "read");
  if (scope === "all" || actor.kind === "system") return undefined;
  const visible: SQL[] = [isNull(orders.ownerId), eq(orders.ownerId, actor.userId)];
  if (scope === "team" && actor.teamIds.length > 0) visible.push(inArray(orders.ownerTeamId, [...actor.teamIds]));
  return or(...visible);
}
