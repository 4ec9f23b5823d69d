import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { describeTrigger } from "./describe-trigger";
import type { RuleField } from "./types";

const fields: RuleField[] = [
  { key: "orders.last_order_at", label: "Last order", type: "timestamp", group: "orders", wholeBase: true },
];
const known = { fields, rules: [{ id: "r1", name: "Storkunder" }] };

describe("when a rule runs, in words", () => {
  it("names an event trigger by its event", () => {
    const trigger = { type: "event", eventType: "track", eventName: "Support Call" } as const;
    expect(describeTrigger(trigger, sv, known)).toBe("Händelse ”Support Call”");
    expect(describeTrigger(trigger, en, known)).toBe("Event “Support Call”");
    expect(describeTrigger({ type: "event", eventType: "page" }, sv, known)).toBe("Varje sidvisning");
  });

  it("names record changes, schedules, dates and segments", () => {
    expect(
      describeTrigger({ type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] }, sv, known),
    ).toBe("När en person ändras (lifecycleStage)");
    expect(describeTrigger({ type: "schedule", cron: "0 9 * * 1-5" }, sv, known)).toBe("Schema 0 9 * * 1-5");
    expect(
      describeTrigger(
        { type: "relative_date", field: "orders.last_order_at", amount: 1, unit: "days", direction: "after" },
        sv,
        known,
      ),
    ).toBe("1 dag efter Senaste order");
    expect(describeTrigger({ type: "segment", segmentRuleId: "r1", on: "leave" }, en, known)).toBe(
      "When someone leaves “Storkunder”",
    );
  });
});
