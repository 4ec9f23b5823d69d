import { and, count, eq, inArray } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { appendCaseEvent } from "./case-history";
import { cases, OPEN_CASE_STATUSES } from "./schema";

const openCasesOf = (userId: string) =>
  and(eq(cases.assigneeId, userId), inArray(cases.status, [...OPEN_CASE_STATUSES]));

/** A user's open cases are those they handle; a team's, those in its queue, handled or not. */
export async function countOpenCasesOf(ctx: Ctx, holder: { userId: string } | { teamId: string }): Promise<number> {
  const where =
    "userId" in holder
      ? openCasesOf(holder.userId)
      : and(eq(cases.teamId, holder.teamId), inArray(cases.status, [...OPEN_CASE_STATUSES]));
  const [row] = await ctx.db.select({ n: count() }).from(cases).where(where);
  return Number(row?.n ?? 0);
}

/**
 * Gives a user's open cases to another handler (the case keeps its team), or to a team's queue
 * with no handler, inside the caller's transaction. Each case's history says who took it over, as
 * when a case is reassigned by hand. Resolved and closed cases keep who handled them.
 */
export async function handOverOpenCases(
  ctx: Ctx,
  fromUserId: string,
  to: { userId: string } | { teamId: string },
): Promise<number> {
  const open = await ctx.db
    .select({ id: cases.id, teamId: cases.teamId })
    .from(cases)
    .where(openCasesOf(fromUserId))
    .for("update");
  if (open.length === 0) return 0;
  const change = "userId" in to ? { assigneeId: to.userId } : { assigneeId: null, teamId: to.teamId };
  await ctx.db
    .update(cases)
    .set({ ...change, updatedAt: ctx.clock.now() })
    .where(openCasesOf(fromUserId));
  const handOver = open.map((row) => ({
    id: row.id,
    from: { teamId: row.teamId, assigneeId: fromUserId },
    to: { teamId: "teamId" in change ? change.teamId : row.teamId, assigneeId: change.assigneeId },
  }));
  for (const { id, from, to: next } of handOver) await appendCaseEvent(ctx, id, "assigned", { from, to: next });
  await recordAudits(
    ctx,
    handOver.map(({ id, from, to: next }) => ({
      action: "case.hand_over",
      entity: "case",
      entityId: id,
      before: from,
      after: next,
    })),
  );
  return open.length;
}
