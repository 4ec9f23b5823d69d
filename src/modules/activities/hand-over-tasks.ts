import { and, eq } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { activities } from "./schema";

const openTasksOf = (userId: string) =>
  and(eq(activities.kind, "task"), eq(activities.status, "open"), eq(activities.ownerId, userId));

/**
 * Gives a user's open tasks to another user, inside the caller's transaction; with no one named
 * (the customers went to a team, and a task is for one person) they are left unassigned, for the
 * team that now owns the customer. Done and cancelled tasks keep who did them.
 */
export async function handOverOpenTasks(ctx: Ctx, fromUserId: string, toUserId: string | null): Promise<number> {
  const tasks = await ctx.db
    .select({ id: activities.id })
    .from(activities)
    .where(openTasksOf(fromUserId))
    .for("update");
  if (tasks.length === 0) return 0;
  await ctx.db.update(activities).set({ ownerId: toUserId, updatedAt: ctx.clock.now() }).where(openTasksOf(fromUserId));
  await recordAudits(
    ctx,
    tasks.map((task) => ({
      action: "activity.hand_over",
      entity: "activity",
      entityId: task.id,
      before: { ownerId: fromUserId },
      after: { ownerId: toUserId },
    })),
  );
  return tasks.length;
}
