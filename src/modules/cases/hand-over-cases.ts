import { and, count, eq, inArray } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { appendCaseEvent } from "./case-history";
import { cases, OPEN_CASE_STATUSES } from "./schema";

type THolder = { userId: string } | { teamId: string };

/** A user's open cases are those they handle; a team's, those in its queue, handled or not. */
const openCasesOf = (holder: THolder) =>
  and(
    "userId" in holder ? eq(cases.assigneeId, holder.userId) : eq(cases.teamId, holder.teamId),
    inArray(cases.status, [...OPEN_CASE_STATUSES]),
  );

export async function countOpenCasesOf(ctx: Ctx, holder: THolder): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(cases).where(openCasesOf(holder));
  return Number(row?.n ?? 0);
}

/**
 * Gives a user's or a team's open cases on, inside the caller's transaction, by the rule customers
 * follow (see handOverOwnedRecords): to one of the same kind only the handler or the team changes;
 * to the other kind the receiver alone has the case, a team in its queue with no handler, a user
 * as its handler outside any queue. Each case's history says who took it over, as when a case is
 * reassigned by hand. Resolved and closed cases keep who handled them.
 */
export async function handOverOpenCases(ctx: Ctx, from: THolder, to: THolder): Promise<number> {
  const open = await ctx.db
    .select({ id: cases.id, teamId: cases.teamId, assigneeId: cases.assigneeId })
    .from(cases)
    .where(openCasesOf(from))
    .for("update");
  if (open.length === 0) return 0;
  const change: { assigneeId?: string | null; teamId?: string | null } =
    "userId" in to
      ? { assigneeId: to.userId, ...("teamId" in from && { teamId: null }) }
      : { teamId: to.teamId, ...("userId" in from && { assigneeId: null }) };
  await ctx.db
    .update(cases)
    .set({ ...change, updatedAt: ctx.clock.now() })
    .where(openCasesOf(from));
  const handOver = open.map(({ id, teamId, assigneeId }) => ({
    id,
    from: { teamId, assigneeId },
    to: { teamId, assigneeId, ...change },
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
