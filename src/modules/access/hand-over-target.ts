import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { lockActiveAdmins } from "./admin-lock";
import { users } from "./schema";
import { assertTeamsExist } from "./team-view";

/** Who takes over a departing user's records: an active user other than them, or a team. */
export type THandOverTarget = { userId: string } | { teamId: string };

/**
 * Checks both ends of a hand-over and locks the departing user's row for the transaction, so they
 * cannot be handed over to while they themselves hand their records on.
 */
export async function assertHandOverParties(
  ctx: Ctx,
  fromUserId: string,
  to: THandOverTarget,
  options: { deactivate: boolean },
): Promise<void> {
  // Taken before the user's own row, in the order a deactivation takes them (see updateUser).
  if (options.deactivate) await lockActiveAdmins(ctx);
  const [from] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, fromUserId)).for("update");
  if (!from) throw notFound("user", fromUserId);
  if ("teamId" in to) {
    await assertTeamsExist(ctx.db, [to.teamId], "to.teamId");
    return;
  }
  if (to.userId === fromUserId) throw receiverRefused("same_user", "Hand the records over to someone else");
  await assertReceivingUser(ctx, to.userId);
}

export const receiverRefused = (code: string, message: string) =>
  new AppError("validation_failed", message, {
    fields: [{ field: code.endsWith("_team") ? "to.teamId" : "to.userId", code, message }],
  });

/** Locked for share: the receiver cannot be deactivated while records are being given to them. */
export async function assertReceivingUser(ctx: Ctx, userId: string): Promise<void> {
  const [target] = await ctx.db.select({ active: users.active }).from(users).where(eq(users.id, userId)).for("share");
  if (!target) throw receiverRefused("unknown_user", `No user has id ${userId}`);
  if (!target.active) throw receiverRefused("inactive_user", "This user is deactivated and can own nothing");
}
