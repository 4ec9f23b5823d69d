import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import { localeOf } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { type Condition, explainTrace, type TraceNode, validateCondition } from "../../lib/rules";
import { toRuleView } from "./define-rule";
import type { RuleEngine } from "./engine";
import type { TRule } from "./rule-view";
import { ruleFirings, rules, ruleVersions } from "./schema";

export async function getRule(ctx: Ctx, engine: RuleEngine, id: string): Promise<TRule> {
  authorize(ctx.actor, "rules", "read");
  const [row] = await ctx.db.select().from(rules).where(eq(rules.id, id));
  if (!row) throw notFound("rule", id);
  return toRuleView(ctx, row, engine);
}

export interface TRuleSummary extends TRule {
  stats: { evaluations: number; firings: number; evaluationMs: number };
}

/** Every rule with its statistics over the last 30 days. */
export async function listRules(ctx: Ctx, engine: RuleEngine): Promise<TRuleSummary[]> {
  authorize(ctx.actor, "rules", "read");
  const rows = await ctx.db.select().from(rules).orderBy(asc(rules.name));
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  const stats = await queryRows<{ rule_id: string; evaluations: string; firings: string; ms: number }>(
    ctx.db,
    sql`select rule_id, sum(evaluations) as evaluations, sum(firings) as firings, sum(evaluation_ms) as ms
        from rule_stats where day >= ${since}::date group by rule_id`,
  );
  const byRule = new Map(stats.map((row) => [row.rule_id, row]));
  return Promise.all(
    rows.map(async (row) => {
      const stat = byRule.get(row.id);
      return {
        ...(await toRuleView(ctx, row, engine)),
        stats: {
          evaluations: Number(stat?.evaluations ?? 0),
          firings: Number(stat?.firings ?? 0),
          evaluationMs: Number(stat?.ms ?? 0),
        },
      };
    }),
  );
}

/** Every version of a rule, newest first; 404 for an id that names no rule. */
export async function listRuleVersions(ctx: Ctx, ruleId: string) {
  authorize(ctx.actor, "rules", "read");
  const [rule] = await ctx.db.select({ id: rules.id }).from(rules).where(eq(rules.id, ruleId));
  if (!rule) throw notFound("rule", ruleId);
  return ctx.db.select().from(ruleVersions).where(eq(ruleVersions.ruleId, ruleId)).orderBy(desc(ruleVersions.version));
}

export const ZListFiringsInput = z.object({
  ruleId: z.uuid().optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The firing log: who each rule fired for, when, why (the explanation, worded from the stored
 * trace in the asker's language) and what its actions did.
 */
export async function listFirings(ctx: Ctx, input: z.input<typeof ZListFiringsInput>) {
  authorize(ctx.actor, "rules", "read");
  const query = ZListFiringsInput.parse(input);
  const rows = await ctx.db
    .select({ firing: ruleFirings, ruleName: rules.name })
    .from(ruleFirings)
    .innerJoin(rules, eq(rules.id, ruleFirings.ruleId))
    .where(
      and(
        query.ruleId ? eq(ruleFirings.ruleId, query.ruleId) : sql`true`,
        query.personId ? eq(ruleFirings.personId, query.personId) : sql`true`,
      ),
    )
    .orderBy(desc(ruleFirings.firedAt), desc(ruleFirings.id))
    .limit(query.limit);
  const language = localeOf(ctx.actor);
  return rows.map(({ firing, ruleName }) => ({
    ...firing,
    ruleName,
    explanation: firing.status === "skipped" ? [] : explainTrace(firing.trace as unknown as TraceNode, language),
  }));
}

/** Who matches a condition right now, counted over the whole base in SQL, with a sample. */
export async function dryRunCondition(ctx: Ctx, engine: RuleEngine, condition: unknown) {
  authorize(ctx.actor, "rules", "read");
  const registry = await engine.registry(ctx);
  const errors = validateCondition(condition, registry);
  if (errors.length > 0) {
    throw new AppError("validation_failed", "The condition is not valid", {
      fields: errors.map((error) => ({ ...error, field: error.field ? `condition.${error.field}` : "condition" })),
    });
  }
  const started = performance.now();
  const result = await engine.matchingPeople(ctx, condition as Condition);
  return { count: result.count, sample: result.ids, milliseconds: performance.now() - started };
}
