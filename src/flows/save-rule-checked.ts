import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertAssignable } from "../modules/access";
import { type RuleEngine, saveRule, type TRuleInput, ZRuleInput } from "../modules/rules";

/** Config keys by which an action names who gets the work. */
const TEAM_KEYS = ["teamId"];
const USER_KEYS = ["userId", "assigneeId", "assignTo"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Saves a rule once the teams and users its actions name can take work: an existing team, an
 * active user. A rule saved switched off may still name a team since deleted; switching it on
 * checks again. Before, a rule could send cases to a deleted team's queue, which nobody has.
 */
export async function saveRuleChecked(
  ctx: Ctx,
  engine: RuleEngine,
  input: TRuleInput,
  ruleId?: string,
): Promise<Awaited<ReturnType<typeof saveRule>>> {
  authorize(ctx.actor, "rules", "write");
  const data = parseInput(ZRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    if (data.enabled) {
      const parties = data.actions.flatMap((action, index) => {
        const config = action.config as Record<string, unknown>;
        const named = (keys: string[]) =>
          keys.flatMap((key) => {
            const value = config[key];
            return typeof value === "string" && UUID.test(value) ? [{ key, value }] : [];
          });
        return [
          ...named(TEAM_KEYS).map(({ key, value }) => ({ field: `actions.${index}.config.${key}`, teamId: value })),
          ...named(USER_KEYS).map(({ key, value }) => ({ field: `actions.${index}.config.${key}`, userId: value })),
        ];
      });
      await assertAssignable(tx, parties);
    }
    return saveRule(tx, engine, input, ruleId);
  });
}
