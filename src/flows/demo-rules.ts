import type { Ctx } from "../kernel/ctx";
import { listRules, type RuleEngine, type TRuleInput } from "../modules/rules";
import { saveRuleChecked } from "./save-rule-checked";

/**
 * The rule the product is built to make: a customer who complained by phone more than three
 * times, barely visits the shop and has a large order open gets a personal letter, written by
 * their seller, not a campaign. It needs the demo's computed traits.
 */
export const DEMO_SALES_LETTER_RULE = {
  name: "Säljbrev efter klagomål",
  description:
    "En kund som har klagat i telefon mer än tre gånger, sällan besöker butiken och har en stor order öppen ska få ett personligt brev från sin säljare.",
  trigger: { type: "event", eventType: "track", eventName: "Support Call" },
  condition: {
    all: [
      { field: "trait.complaint_calls_90d", op: "gt", value: 3 },
      { field: "trait.page_views_30d", op: "lt", value: 5 },
      { field: "orders.open_sek", op: "gt", value: 10_000 },
    ],
  },
  actions: [
    {
      type: "create_task",
      config: { subject: "Skicka säljbrev till {greetingName} {surname}", assignTo: "owner", dueInDays: 2 },
    },
  ],
  oncePerDays: 30,
} satisfies TRuleInput;

/** Saves the demo's rules that are not there yet (a second demo load keeps the first one's). */
export async function loadDemoRules(ctx: Ctx, engine: RuleEngine): Promise<number> {
  const existing = await listRules(ctx, engine);
  if (existing.some((rule) => rule.name === DEMO_SALES_LETTER_RULE.name)) return 0;
  await saveRuleChecked(ctx, engine, DEMO_SALES_LETTER_RULE);
  return 1;
}
