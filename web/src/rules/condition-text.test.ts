import { describe, expect, it } from "vitest";
import { conditionText } from "./condition-text";
import type { Condition, RuleField } from "./types";

const field = (key: string, type: RuleField["type"], group = key.split(".")[0] ?? ""): RuleField => ({
  key,
  label: key,
  type,
  group,
  wholeBase: group !== "event",
});

const FIELDS = [
  field("trait.complaint_calls_90d", "number", "traits"),
  field("trait.page_views_30d", "number", "traits"),
  field("orders.open_sek", "kronor"),
  field("person.lifecycle_stage", "choice"),
  field("person.given_name", "text"),
  field("person.local_hour", "number"),
  field("event.local_hour", "number"),
  field("person.birth_date", "date"),
  field("person.last_seen_at", "timestamp"),
];

const text = (condition: Condition) => conditionText(condition, FIELDS);
const calls = (value: number): Condition => ({ field: "trait.complaint_calls_90d", op: "gt", value });
const views = (value: number): Condition => ({ field: "trait.page_views_30d", op: "lt", value });

describe("the condition as text, as the server writes it", () => {
  it("names a case count by category by its category, apart from the total", () => {
    const fields = [...FIELDS, field("cases.open_count", "number")];
    const condition: Condition = {
      all: [
        { field: "cases.category.reklamation.open_count", op: "gte", value: 1 },
        { field: "cases.open_count", op: "lt", value: 3 },
      ],
    };
    expect(conditionText(condition, fields)).toBe("reklamation.open_count ≥ 1 and open_count < 3");
  });

  it("reads the sales letter as one line", () => {
    expect(text({ all: [calls(3), views(5), { field: "orders.open_sek", op: "gt", value: 10_000 }] })).toBe(
      "complaint_calls_90d > 3 and page_views_30d < 5 and open_sek > 10000",
    );
  });

  it("parenthesises only where the reading would otherwise change", () => {
    expect(text({ any: [{ all: [calls(3), views(5)] }, views(1)] })).toBe(
      "complaint_calls_90d > 3 and page_views_30d < 5 or page_views_30d < 1",
    );
    expect(text({ all: [{ any: [calls(3), views(5)] }, views(1)] })).toBe(
      "(complaint_calls_90d > 3 or page_views_30d < 5) and page_views_30d < 1",
    );
    expect(text({ not: { all: [calls(3), views(5)] } })).toBe("not (complaint_calls_90d > 3 and page_views_30d < 5)");
    expect(text({ not: { all: [calls(3)] } })).toBe("not complaint_calls_90d > 3");
  });

  it("writes each operator in words or the usual symbol, and quotes what could be misread", () => {
    const cases: Array<[Condition, string]> = [
      [{ field: "orders.open_sek", op: "gte", value: 10_000.5 }, "open_sek ≥ 10000.5"],
      [{ field: "orders.open_sek", op: "between", value: [1, 5] }, "open_sek between 1 and 5"],
      [
        { field: "person.lifecycle_stage", op: "in", value: ["lead", "customer"] },
        "lifecycle_stage in (lead, customer)",
      ],
      [{ field: "person.given_name", op: "eq", value: "Anna Karin" }, 'given_name = "Anna Karin"'],
      [{ field: "person.given_name", op: "eq", value: "42" }, 'given_name = "42"'],
      [{ field: "person.given_name", op: "starts_with", value: "Ö" }, "given_name starts with Ö"],
      [{ field: "person.given_name", op: "is_not_set" }, "given_name is not set"],
      [{ field: "person.birth_date", op: "before", value: "1990-01-01" }, "birth_date before 1990-01-01"],
      [
        { field: "person.last_seen_at", op: "more_than_ago", value: { amount: 1, unit: "hours" } },
        "last_seen_at more than 1 hour ago",
      ],
      [
        { field: "person.last_seen_at", op: "within_last", value: { amount: 30, unit: "days" } },
        "last_seen_at within last 30 days",
      ],
    ];
    for (const [condition, expected] of cases) expect(text(condition)).toBe(expected);
  });

  it("names a field by its whole key when two listed fields end alike, and an event property by its name", () => {
    expect(text({ field: "person.local_hour", op: "lt", value: 9 })).toBe("person.local_hour < 9");
    expect(text({ field: "event.properties.reason", op: "eq", value: "complaint" })).toBe("reason = complaint");
  });

  it("marks what is not filled in yet", () => {
    expect(text({ all: [{ field: "", op: "eq" }] })).toBe("? = ?");
    expect(text({ field: "orders.open_sek", op: "between", value: [1, undefined] })).toBe("open_sek between 1 and ?");
  });
});
