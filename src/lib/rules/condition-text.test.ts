import { describe, expect, it } from "vitest";
import { columnField, SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import type { Condition } from "./condition";
import { conditionText } from "./condition-text";

const registry = sampleRegistry();
const text = (condition: Condition) => conditionText(condition, registry);
const calls = (op: "gt" | "lt", value: number): Condition => ({ field: "traits.complaint_calls_90d", op, value });
const views = (value: number): Condition => ({ field: "traits.page_views_30d", op: "lt", value });

describe("conditionText", () => {
  it("reads the sales letter as one line", () => {
    expect(text(SALES_LETTER)).toBe("complaint_calls_90d > 3 and page_views_30d < 5 and open_sek > 10000");
  });

  it("parenthesises only where the reading would otherwise change", () => {
    expect(text({ any: [{ all: [calls("gt", 3), views(5)] }, views(1)] })).toBe(
      "complaint_calls_90d > 3 and page_views_30d < 5 or page_views_30d < 1",
    );
    expect(text({ all: [{ any: [calls("gt", 3), views(5)] }, views(1)] })).toBe(
      "(complaint_calls_90d > 3 or page_views_30d < 5) and page_views_30d < 1",
    );
    expect(text({ not: calls("gt", 3) })).toBe("not complaint_calls_90d > 3");
    expect(text({ not: { all: [calls("gt", 3), views(5)] } })).toBe(
      "not (complaint_calls_90d > 3 and page_views_30d < 5)",
    );
    expect(text({ all: [{ all: [calls("gt", 3)] }, { not: { not: views(5) } }] })).toBe(
      "complaint_calls_90d > 3 and not not page_views_30d < 5",
    );
  });

  it("writes each operator in words or the usual symbol", () => {
    const cases: Array<[Condition, string]> = [
      [{ field: "orders.open_sek", op: "gte", value: 10_000.5 }, "open_sek ≥ 10000.5"],
      [{ field: "orders.open_sek", op: "neq", value: 0 }, "open_sek ≠ 0"],
      [{ field: "orders.open_sek", op: "between", value: [1, 5] }, "open_sek between 1 and 5"],
      [
        { field: "person.lifecycle_stage", op: "in", value: ["lead", "customer"] },
        "lifecycle_stage in (lead, customer)",
      ],
      [{ field: "person.lifecycle_stage", op: "not_in", value: ["lead"] }, "lifecycle_stage not in (lead)"],
      [{ field: "person.given_name", op: "eq", value: "Åsa" }, "given_name = Åsa"],
      [{ field: "person.given_name", op: "eq", value: "Anna Karin" }, 'given_name = "Anna Karin"'],
      [{ field: "person.given_name", op: "eq", value: "42" }, 'given_name = "42"'],
      [{ field: "person.given_name", op: "contains", value: "and" }, 'given_name contains "and"'],
      [{ field: "person.given_name", op: "starts_with", value: "Ö" }, "given_name starts with Ö"],
      [{ field: "person.given_name", op: "is_set" }, "given_name is set"],
      [{ field: "person.given_name", op: "is_not_set" }, "given_name is not set"],
      [{ field: "person.marketing_consent", op: "eq", value: true }, "marketing_consent = true"],
      [{ field: "person.birth_date", op: "before", value: "1990-01-01" }, "birth_date before 1990-01-01"],
      [
        { field: "person.last_seen_at", op: "within_last", value: { amount: 30, unit: "days" } },
        "last_seen_at within last 30 days",
      ],
      [
        { field: "person.last_seen_at", op: "more_than_ago", value: { amount: 1, unit: "hours" } },
        "last_seen_at more than 1 hour ago",
      ],
    ];
    for (const [condition, expected] of cases) expect(text(condition)).toBe(expected);
  });

  it("names a field by its whole key when two registered fields end alike", () => {
    const withTwin = sampleRegistry();
    withTwin.register(columnField("orders_archive.open_sek", "Archived open orders", "kronor"));
    expect(conditionText({ field: "orders.open_sek", op: "gt", value: 1 }, withTwin)).toBe("orders.open_sek > 1");
  });
});
