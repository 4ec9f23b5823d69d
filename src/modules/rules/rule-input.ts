import { z } from "zod";
import { AppError, type TFieldError } from "../../kernel/errors";
import { type FieldRegistry, validateCondition } from "../../lib/rules";
import type { ActionRegistry } from "./actions";
import { ZRuleAction } from "./rule-view";
import { ZTrigger } from "./triggers";

export const ZRuleInput = z.strictObject({
  name: z.string().trim().min(1, "A name is required").max(200),
  description: z.string().trim().max(2000).nullish(),
  trigger: ZTrigger,
  condition: z.record(z.string(), z.unknown()),
  actions: z.array(ZRuleAction).max(10).default([]),
  oncePerDays: z.number().int().min(1).max(3650).nullish(),
  enabled: z.boolean().default(true),
});
export type TRuleInput = z.input<typeof ZRuleInput>;

/** Checks the condition against the field registry and each action's config against its plug-in. */
export function assertRuleValid(
  data: z.infer<typeof ZRuleInput>,
  registry: FieldRegistry,
  actions: ActionRegistry,
): Array<Record<string, unknown>> {
  const errors: TFieldError[] = validateCondition(data.condition, registry).map((error) => ({
    ...error,
    field: error.field ? `condition.${error.field}` : "condition",
  }));
  const parsedActions: Array<Record<string, unknown>> = [];
  for (const [index, action] of data.actions.entries()) {
    const plugin = actions.get(action.type);
    if (!plugin) {
      errors.push({
        field: `actions.${index}.type`,
        code: "unknown_action",
        message: `No action ${action.type}; one of ${actions
          .list()
          .map((known) => known.type)
          .join(", ")}`,
      });
      continue;
    }
    const config = plugin.config.safeParse(action.config);
    if (!config.success) {
      for (const issue of config.error.issues) {
        errors.push({
          field: [`actions.${index}.config`, ...issue.path.map(String)].join("."),
          code: issue.code,
          message: issue.message,
        });
      }
      continue;
    }
    parsedActions.push({ type: action.type, config: config.data as Record<string, unknown> });
  }
  if (data.trigger.type === "relative_date" && !registry.get(data.trigger.field)) {
    errors.push({ field: "trigger.field", code: "unknown_field", message: `No field ${data.trigger.field}` });
  }
  if (errors.length > 0) throw new AppError("validation_failed", "The rule is not valid", { fields: errors });
  return parsedActions;
}
