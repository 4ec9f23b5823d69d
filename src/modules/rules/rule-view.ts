import { z } from "zod";
import { ZTrigger } from "./triggers";

export const ZRuleAction = z.object({
  type: z.string().min(1).max(60),
  config: z.record(z.string(), z.unknown()).default({}),
});

export const ZRule = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  trigger: ZTrigger,
  condition: z.record(z.string(), z.unknown()),
  /** The condition as text, e.g. `complaint_calls_90d > 3 and page_views_30d < 5`. */
  conditionText: z.string(),
  actions: z.array(ZRuleAction),
  oncePerDays: z.number().int().nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TRule = z.infer<typeof ZRule>;

export const SECRET_MASK = "••••••";

/** Webhook secrets sign requests and are never shown again once saved. */
export function maskActions(
  actions: Array<Record<string, unknown>>,
): Array<{ type: string; config: Record<string, unknown> }> {
  return actions.map((action) => {
    const config = { ...((action.config as Record<string, unknown>) ?? {}) };
    if (typeof config.secret === "string") config.secret = SECRET_MASK;
    return { type: String(action.type), config };
  });
}
