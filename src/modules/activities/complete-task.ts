import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { activities } from "./schema";
import { type TActivity, toActivityView } from "./view";

export const ZSetTaskStatusInput = z.strictObject({ status: z.enum(["open", "done", "cancelled"]) });
export const TASK_STATUS_CHANGED = "task.status_changed";

/** Marks a task done, cancelled, or open again. */
export async function setTaskStatus(
  ctx: Ctx,
  id: string,
  input: z.input<typeof ZSetTaskStatusInput>,
): Promise<TActivity> {
  authorize(ctx.actor, "register", "write");
  const { status } = parseInput(ZSetTaskStatusInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(activities).where(eq(activities.id, id)).for("update");
    if (!row) throw notFound("activity", id);
    if (row.kind !== "task") throw new AppError("conflict", "Only tasks have a status");
    const now = tx.clock.now();
    const [after] = await tx.db
      .update(activities)
      .set({ status, completedAt: status === "done" ? now : null, updatedAt: now })
      .where(and(eq(activities.id, id)))
      .returning();
    if (!after) throw notFound("activity", id);
    await recordAudit(tx, {
      action: "task.set_status",
      entity: "activity",
      entityId: id,
      before: { status: row.status },
      after: { status },
    });
    await emitEvent(tx, TASK_STATUS_CHANGED, { activityId: id, personId: row.personId, status });
    return toActivityView(after, []);
  });
}
