import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize, scopeAllows } from "../../kernel/permissions";

/**
 * Record-level write access for the register. Unowned records are open to anyone who may write
 * in the register; owned ones follow the role's scope (own, team or all).
 */
export function assertMayWrite(
  ctx: Ctx,
  entity: string,
  record: { id: string; ownerId: string | null; ownerTeamId: string | null },
): void {
  if (!mayWrite(ctx, record)) {
    const scope = authorize(ctx.actor, "register", "write");
    throw new AppError(
      "forbidden",
      `This ${entity} is owned by another user or team; your role may change ${scope === "own" ? "only your own" : "only your team's"} records`,
      {
        extra: { entity, id: record.id },
      },
    );
  }
}

/** Whether the caller may change the record: unowned, or owned within the role's scope. */
export function mayWrite(ctx: Ctx, record: { ownerId: string | null; ownerTeamId: string | null }): boolean {
  const scope = authorize(ctx.actor, "register", "write");
  if (record.ownerId === null && record.ownerTeamId === null) return true;
  return scopeAllows(ctx.actor, scope, record);
}
