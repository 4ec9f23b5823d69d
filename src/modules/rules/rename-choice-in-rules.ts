import { eq, sql } from "drizzle-orm";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { renameConstants } from "../../lib/rules";
import type { RuleEngine } from "./engine";
import { recordRuleVersion } from "./record-rule-version";
import { maskActions } from "./rule-view";
import { rules } from "./schema";

/** A choice of a person's custom attribute renamed by an admin: `custom.<key>`, old → new spelling. */
export interface TChoiceRename {
  attributeKey: string;
  renames: ReadonlyMap<string, string>;
}

/**
 * Rewrites the rules that name a renamed choice, each as a new version: conditions comparing the
 * attribute with the old spelling and `set_field` actions writing it. Without this a rule on
 * "guld" would quietly stop matching once the stored values became "Guld". Runs inside the
 * transaction that renames the stored values; returns the rules changed.
 */
export async function renameChoiceInRules(
  ctx: Ctx,
  engine: RuleEngine,
  rename: TChoiceRename,
): Promise<Array<{ id: string; name: string; version: number }>> {
  if (rename.renames.size === 0) return [];
  const conditionField = `person.custom.${rename.attributeKey}`;
  const actionField = `custom.${rename.attributeKey}`;
  const candidates = await ctx.db
    .select()
    .from(rules)
    .where(
      sql`${rules.condition}::text like ${`%"${conditionField}"%`} or ${rules.actions}::text like ${`%"${actionField}"%`}`,
    )
    .orderBy(rules.id)
    .for("update");
  const changed: Array<{ id: string; name: string; version: number }> = [];
  for (const current of candidates) {
    const condition = renameConstants(current.condition, conditionField, rename.renames);
    let renamedActions = 0;
    const actions = current.actions.map((action) => {
      const config = action.config as Record<string, unknown> | undefined;
      if (action.type !== "set_field" || config?.field !== actionField || typeof config.value !== "string") {
        return action;
      }
      const spelling = config.value.trim().toLowerCase();
      const to = [...rename.renames].find(([from]) => from.trim().toLowerCase() === spelling)?.[1];
      if (to === undefined || to === config.value) return action;
      renamedActions += 1;
      return { ...action, config: { ...config, value: to } };
    });
    if (condition.renamed === 0 && renamedActions === 0) continue;
    const now = ctx.clock.now();
    const [row] = await ctx.db
      .update(rules)
      .set({
        condition: condition.condition as Record<string, unknown>,
        actions,
        version: current.version + 1,
        updatedAt: now,
        updatedBy: actingUserId(ctx.actor),
      })
      .where(eq(rules.id, current.id))
      .returning();
    if (!row) continue;
    await recordRuleVersion(ctx, row);
    await recordAudit(ctx, {
      action: "rule.update",
      entity: "rule",
      entityId: row.id,
      before: { ...current, actions: maskActions(current.actions) },
      after: {
        ...row,
        actions: maskActions(row.actions),
        reason: { choiceRenamed: actionField, renames: Object.fromEntries(rename.renames) },
      },
    });
    changed.push({ id: row.id, name: row.name, version: row.version });
  }
  if (changed.length > 0) ctx.afterCommit.push(() => engine.invalidate());
  return changed;
}
