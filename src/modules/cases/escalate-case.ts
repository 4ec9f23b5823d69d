import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { assertMayWriteCase } from "./case-access";
import { withHistory } from "./case-detail";
import { appendCaseEvent } from "./case-history";
import { cases, OPEN_CASE_STATUSES } from "./schema";
import type { TCaseDetail } from "./view";

export const ZEscalateCaseInput = z.strictObject({
  /** Why, for the second line and the case's history. */
  reason: z.string().trim().min(1).max(2_000).optional(),
  /** The team that takes the case over; without one it stays with its team. */
  teamId: z.uuid().optional(),
  /** Who takes it over; a new team without a named assignee leaves it to the team's queue. */
  assigneeId: z.uuid().optional(),
});
export type TEscalateCaseInput = z.input<typeof ZEscalateCaseInput>;

export const CASE_ESCALATED = "case.escalated";

/**
 * Escalates an open case: one level up, and from first line to second line, optionally to
 * another team or person. Escalating again raises the level further (to a manager, a partner).
 */
export async function escalateCase(ctx: Ctx, id: string, input: TEscalateCaseInput = {}): Promise<TCaseDetail> {
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZEscalateCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(cases).where(eq(cases.id, id)).for("update");
    if (!before) throw notFound("case", id);
    assertMayWriteCase(tx, before);
    if (!(OPEN_CASE_STATUSES as readonly string[]).includes(before.status)) {
      throw new AppError("conflict", `A ${before.status} case cannot be escalated; reopen it first`, {
        extra: { status: before.status },
      });
    }
    const now = tx.clock.now();
    const teamChanges = data.teamId !== undefined && data.teamId !== before.teamId;
    const teamId = data.teamId ?? before.teamId;
    const assigneeId = data.assigneeId ?? (teamChanges ? null : before.assigneeId);
    const [after] = await tx.db
      .update(cases)
      .set({
        line: 2,
        escalationLevel: before.escalationLevel + 1,
        escalatedAt: now,
        teamId,
        assigneeId,
        updatedAt: now,
      })
      .where(eq(cases.id, id))
      .returning();
    if (!after) throw notFound("case", id);
    const escalation = {
      fromLine: before.line,
      toLine: after.line,
      level: after.escalationLevel,
      teamId: after.teamId,
      assigneeId: after.assigneeId,
      ...(data.reason ? { reason: data.reason } : {}),
    };
    await appendCaseEvent(tx, id, "escalated", escalation);
    await recordAudit(tx, {
      action: "case.escalate",
      entity: "case",
      entityId: id,
      before: {
        line: before.line,
        escalationLevel: before.escalationLevel,
        teamId: before.teamId,
        assigneeId: before.assigneeId,
      },
      after: escalation,
    });
    await emitEvent(tx, CASE_ESCALATED, {
      caseId: id,
      personId: after.personId,
      changed: ["line", "escalationLevel", "teamId", "assigneeId"],
      ...escalation,
    });
    return withHistory(tx, after);
  });
}
