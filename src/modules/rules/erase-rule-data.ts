import { inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { listMembers, ruleFirings, segmentMembers } from "./schema";

/**
 * An erasure's share of the rules module: the firings about the people (their traces hold the
 * facts the rule read about them), and their places in lists and segments. The per-rule daily
 * counts (rule_stats) hold no one and are kept as the anonymised aggregate.
 */
export async function eraseRuleDataOfPeople(ctx: Ctx, personIds: readonly string[]): Promise<{ firings: number }> {
  if (personIds.length === 0) return { firings: 0 };
  const ids = [...personIds];
  const firings = await ctx.db
    .delete(ruleFirings)
    .where(inArray(ruleFirings.personId, ids))
    .returning({ id: ruleFirings.id });
  await ctx.db.delete(listMembers).where(inArray(listMembers.personId, ids));
  await ctx.db.delete(segmentMembers).where(inArray(segmentMembers.personId, ids));
  return { firings: firings.length };
}
