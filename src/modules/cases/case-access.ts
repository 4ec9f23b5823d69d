import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize, scopeAllows } from "../../kernel/permissions";

/**
 * Record-level write access for cases. An unassigned case is open to anyone who may work in
 * support; an assigned one follows the role's scope: its assignee, or the assignee's team.
 */
export function assertMayWriteCase(
  ctx: Ctx,
  row: { id: string; assigneeId: string | null; teamId: string | null },
): void {
  const scope = authorize(ctx.actor, "support", "write");
  if (row.assigneeId === null && row.teamId === null) return;
  if (!scopeAllows(ctx.actor, scope, { ownerId: row.assigneeId, ownerTeamId: row.teamId })) {
    throw new AppError("forbidden", "This case is assigned to another user or team", {
      extra: { entity: "case", id: row.id },
    });
  }
}
