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
import { ZCategory } from "./category";
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, cases, type TCaseStatus } from "./schema";
import type { TCaseDetail } from "./view";

export const ZUpdateCaseInput = z
  .strictObject({
    subject: z.string().trim().min(1, "A subject is required").max(300).optional(),
    description: z.string().max(20_000).nullable().optional(),
    category: ZCategory.optional(),
    channel: z.enum(CASE_CHANNELS).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    teamId: z.uuid().nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    /** A note for the case's history, e.g. what the customer said when called back. */
    note: z.string().trim().min(1).max(20_000).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    path: [],
    message: "Nothing to change",
  });
export type TUpdateCaseInput = z.input<typeof ZUpdateCaseInput>;

export const CASE_UPDATED = "case.updated";

/**
 * Where a case may go from each status. Nothing goes back to new; a resolved case may be
 * reopened; a closed case is final: a customer who comes back gets a new case.
 */
export const CASE_TRANSITIONS: Record<TCaseStatus, readonly TCaseStatus[]> = {
  new: ["open", "waiting", "resolved", "closed"],
  open: ["waiting", "resolved", "closed"],
  waiting: ["open", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

const EDITABLE = ["subject", "description", "category", "channel"] as const;

/** Changes a case: its status (by the allowed transitions), priority, assignment, text; or adds a note. */
export async function updateCase(ctx: Ctx, id: string, input: TUpdateCaseInput): Promise<TCaseDetail> {
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZUpdateCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(cases).where(eq(cases.id, id)).for("update");
    if (!before) throw notFound("case", id);
    assertMayWriteCase(tx, before);
    const now = tx.clock.now();
    const changes: Partial<typeof cases.$inferInsert> = {};
    for (const key of EDITABLE) {
      if (data[key] !== undefined && data[key] !== before[key]) Object.assign(changes, { [key]: data[key] });
    }
    if (data.priority !== undefined && data.priority !== before.priority) changes.priority = data.priority;
    if (data.teamId !== undefined && data.teamId !== before.teamId) changes.teamId = data.teamId;
    if (data.assigneeId !== undefined && data.assigneeId !== before.assigneeId) changes.assigneeId = data.assigneeId;
    if (data.status !== undefined && data.status !== before.status) {
      const allowed = CASE_TRANSITIONS[before.status];
      if (!allowed.includes(data.status)) {
        const message = `A ${before.status} case cannot become ${data.status}`;
        throw new AppError("conflict", message, {
          fields: [{ field: "status", code: "invalid_transition", message }],
          extra: { from: before.status, to: data.status, allowed },
        });
      }
      changes.status = data.status;
      if (data.status === "resolved") changes.resolvedAt = now;
      if (data.status === "open" || data.status === "waiting") changes.resolvedAt = null;
      // A closed case is done with, whether or not it was marked resolved first.
      if (data.status === "closed") {
        changes.closedAt = now;
        changes.resolvedAt = before.resolvedAt ?? now;
      }
    }
    const changed = Object.keys(changes);
    if (before.status === "closed" && changed.length > 0) {
      throw new AppError("conflict", "A closed case cannot be changed; add a note, or open a new case", {
        fields: [{ field: changed[0] as string, code: "case_closed", message: "The case is closed" }],
      });
    }
    if (changed.length === 0 && data.note === undefined) return withHistory(tx, before);
    let after = before;
    if (changed.length > 0) {
      const [updated] = await tx.db
        .update(cases)
        .set({ ...changes, updatedAt: now })
        .where(eq(cases.id, id))
        .returning();
      if (!updated) throw notFound("case", id);
      after = updated;
    }
    if (changes.status) await appendCaseEvent(tx, id, "status_changed", { from: before.status, to: after.status });
    if (changes.priority) {
      await appendCaseEvent(tx, id, "priority_changed", { from: before.priority, to: after.priority });
    }
    if ("teamId" in changes || "assigneeId" in changes) {
      await appendCaseEvent(tx, id, "assigned", {
        from: { teamId: before.teamId, assigneeId: before.assigneeId },
        to: { teamId: after.teamId, assigneeId: after.assigneeId },
      });
    }
    const edited = EDITABLE.filter((key) => key in changes);
    // Only which fields changed: the words themselves are in the audit log, which erasure redacts.
    if (edited.length > 0) await appendCaseEvent(tx, id, "edited", { fields: edited });
    if (data.note !== undefined) await appendCaseEvent(tx, id, "note", { text: data.note });
    const noted = data.note !== undefined ? [...changed, "note"] : changed;
    await recordAudit(tx, {
      action: "case.update",
      entity: "case",
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, before[key as keyof typeof before]])),
      after: { ...changes, ...(data.note !== undefined ? { note: data.note } : {}) },
    });
    await emitEvent(tx, CASE_UPDATED, {
      caseId: id,
      personId: after.personId,
      status: after.status,
      changed: noted,
    });
    return withHistory(tx, after);
  });
}
