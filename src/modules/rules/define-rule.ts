import { eq } from "drizzle-orm";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { type Condition, conditionText } from "../../lib/rules";
import type { RuleEngine } from "./engine";
import { recordRuleVersion } from "./record-rule-version";
import { assertRuleValid, type TRuleInput, ZRuleInput } from "./rule-input";
import { maskActions, SECRET_MASK, type TRule } from "./rule-view";
import { rules } from "./schema";
import { type TTrigger, triggerKey } from "./triggers";

type RuleRow = typeof rules.$inferSelect;

export async function toRuleView(ctx: Ctx, row: RuleRow, engine: RuleEngine): Promise<TRule> {
  const registry = await engine.registry(ctx);
  let text: string;
  try {
    text = conditionText(row.condition as unknown as Condition, registry);
  } catch {
    text = "(a field of this rule no longer exists)";
  }
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    trigger: row.trigger as unknown as TTrigger,
    condition: row.condition,
    conditionText: text,
    actions: maskActions(row.actions),
    oncePerDays: row.oncePerDays,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Creates a rule (version 1), or saves a new version of an existing one; every version is kept. */
export async function saveRule(ctx: Ctx, engine: RuleEngine, input: TRuleInput, ruleId?: string): Promise<TRule> {
  authorize(ctx.actor, "rules", "write");
  const data = parseInput(ZRuleInput, input);
  const registry = await engine.registry(ctx);
  if (ruleId) {
    // A secret left masked in an edit keeps its stored value; it is put back before validation.
    const [current] = await ctx.db.select({ actions: rules.actions }).from(rules).where(eq(rules.id, ruleId));
    for (const [index, action] of data.actions.entries()) {
      const before = current?.actions[index]?.config as Record<string, unknown> | undefined;
      if (action.config.secret === SECRET_MASK && typeof before?.secret === "string") {
        action.config = { ...action.config, secret: before.secret };
      }
    }
  }
  const actions = assertRuleValid(data, registry, engine.runtime.actions);
  const saved = await withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    let row: RuleRow | undefined;
    const fields = {
      name: data.name,
      description: data.description ?? null,
      trigger: data.trigger as unknown as Record<string, unknown>,
      triggerKey: triggerKey(data.trigger),
      condition: data.condition,
      actions,
      oncePerDays: data.oncePerDays ?? null,
      enabled: data.enabled,
      updatedAt: now,
      updatedBy: actingUserId(tx.actor),
    };
    if (ruleId) {
      const [current] = await tx.db.select().from(rules).where(eq(rules.id, ruleId)).for("update");
      if (!current) throw notFound("rule", ruleId);
      [row] = await tx.db
        .update(rules)
        .set({ ...fields, version: current.version + 1 })
        .where(eq(rules.id, ruleId))
        .returning();
      await recordAudit(tx, {
        action: "rule.update",
        entity: "rule",
        entityId: ruleId,
        before: { ...current, actions: maskActions(current.actions) },
        after: { ...row, actions: maskActions(actions) },
      });
    } else {
      [row] = await tx.db
        .insert(rules)
        .values({ id: newId(tx), ...fields, version: 1, createdAt: now, createdBy: actingUserId(tx.actor) })
        .returning();
      if (row)
        await recordAudit(tx, {
          action: "rule.create",
          entity: "rule",
          entityId: row.id,
          after: { ...row, actions: maskActions(actions) },
        });
    }
    if (!row) throw new Error("rule not saved");
    await recordRuleVersion(tx, row);
    tx.afterCommit.push(() => engine.invalidate());
    return row;
  });
  return toRuleView(ctx, saved, engine);
}
