import { count, desc, eq } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { explainTrace, type TraceNode } from "../../lib/rules";
import { listMembers, lists, ruleFirings, rules, segmentMembers } from "./schema";

export interface TFiringExport {
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  firedAt: Date;
  /** `done`, `failed` or `skipped` (skipped firings did nothing, e.g. when the person objects to profiling). */
  status: "done" | "failed" | "skipped";
  /** What set it off: a tracked event id, a domain event id, a schedule tick. */
  cause: string;
  /** Why the rule decided as it did, one line per condition, in Swedish like the rest of the extract. */
  explanation: string[];
  /** What each action did: `{ type, ok, … }`. */
  results: unknown[];
  note: string | null;
}

export interface TMembershipExport {
  kind: "list" | "segment";
  /** The list's name, or the name of the rule whose condition is the segment. */
  name: string;
  since: Date;
}

/**
 * The automated decisions rules made about a person (GDPR art. 15.1 h, 22), newest first, each
 * with the explanation worded from its stored trace: the newest `limit` and how many there are.
 */
export async function exportFiringsOfPerson(
  ctx: Ctx,
  personId: string,
  limit: number,
): Promise<{ firings: TFiringExport[]; total: number }> {
  authorize(ctx.actor, "rules", "read");
  const [rows, [counted]] = await sequentially([
    ctx.db
      .select({ firing: ruleFirings, ruleName: rules.name })
      .from(ruleFirings)
      .innerJoin(rules, eq(rules.id, ruleFirings.ruleId))
      .where(eq(ruleFirings.personId, personId))
      .orderBy(desc(ruleFirings.firedAt), desc(ruleFirings.id))
      .limit(limit),
    ctx.db.select({ total: count() }).from(ruleFirings).where(eq(ruleFirings.personId, personId)),
  ]);
  const firings = rows.map(({ firing, ruleName }) => ({
    ruleId: firing.ruleId,
    ruleName,
    ruleVersion: firing.ruleVersion,
    firedAt: firing.firedAt,
    status: firing.status,
    cause: firing.cause,
    explanation: firing.status === "skipped" ? [] : explainTrace(firing.trace as unknown as TraceNode, "sv"),
    results: firing.results,
    note: firing.note,
  }));
  return { firings, total: Number(counted?.total ?? 0) };
}

/** The static lists and segments the person is in now, for an access request. */
export async function exportMembershipsOfPerson(ctx: Ctx, personId: string): Promise<TMembershipExport[]> {
  authorize(ctx.actor, "rules", "read");
  const [listRows, segmentRows] = await sequentially([
    ctx.db
      .select({ name: lists.name, since: listMembers.addedAt })
      .from(listMembers)
      .innerJoin(lists, eq(lists.id, listMembers.listId))
      .where(eq(listMembers.personId, personId)),
    ctx.db
      .select({ name: rules.name, since: segmentMembers.since })
      .from(segmentMembers)
      .innerJoin(rules, eq(rules.id, segmentMembers.ruleId))
      .where(eq(segmentMembers.personId, personId)),
  ]);
  return [
    ...listRows.map((row) => ({ kind: "list" as const, ...row })),
    ...segmentRows.map((row) => ({ kind: "segment" as const, ...row })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime() || a.name.localeCompare(b.name, "sv"));
}
