import { actingUserId } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { maskActions } from "./rule-view";
import { type rules, ruleVersions } from "./schema";

/** Keeps a saved rule as a version, with who saved it; secrets masked. */
export async function recordRuleVersion(ctx: Ctx, row: typeof rules.$inferSelect): Promise<void> {
  await ctx.db.insert(ruleVersions).values({
    ruleId: row.id,
    version: row.version,
    snapshot: { ...row, actions: maskActions(row.actions) } as unknown as Record<string, unknown>,
    changedAt: ctx.clock.now(),
    changedBy: actingUserId(ctx.actor),
    changedByLabel: ctx.actor.label,
  });
}
