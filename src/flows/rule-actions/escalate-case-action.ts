import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { listCases, OPEN_CASE_STATUSES, type TCase, ZCategory } from "../../modules/cases";
import type { RuleAction } from "../../modules/rules";
import { escalateCaseChecked } from "../assign-case";

const ZConfig = z.object({
  /** Only cases of this category; without it every open case of the person. */
  category: ZCategory.optional(),
  /** The second-line team that takes the cases over. */
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
});

async function openCasesOf(ctx: Ctx, personId: string, category?: string): Promise<TCase[]> {
  const found: TCase[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCases(ctx, {
      personId,
      status: [...OPEN_CASE_STATUSES],
      ...(category ? { category } : {}),
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/**
 * Escalates the person's open cases (of a category, if given) to second line, and to a team if
 * named. Cases already at second line (with that team) are left alone, so a rule firing again
 * does not escalate them twice. No open case is no failure: it escalates nothing.
 */
export const escalateCaseAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "escalate",
  label: "Escalate open cases",
  config: ZConfig,
  async execute(ctx, config, target) {
    const open = await openCasesOf(ctx, target.personId, config.category);
    const due = open.filter((item) => item.line < 2 || (config.teamId !== undefined && item.teamId !== config.teamId));
    const reason = [`Regeln "${target.ruleName}" eskalerade:`, ...target.explanation].join("\n").slice(0, 2_000);
    const escalated: Array<{ caseId: string; number: number; level: number }> = [];
    for (const item of due) {
      const after = await escalateCaseChecked(ctx, item.id, {
        reason,
        ...(config.teamId ? { teamId: config.teamId } : {}),
        ...(config.assigneeId ? { assigneeId: config.assigneeId } : {}),
      });
      escalated.push({ caseId: after.id, number: after.number, level: after.escalationLevel });
    }
    return { escalated };
  },
};
