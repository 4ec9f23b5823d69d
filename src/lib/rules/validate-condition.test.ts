import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { LIMITS } from "./limits";
import { validateCondition } from "./validate-condition";

const registry = sampleRegistry();
const issues = (condition: unknown) => validateCondition(condition, registry);
const codes = (condition: unknown) => issues(condition).map(({ field, code }) => `${field} ${code}`);

describe("validateCondition", () => {
  it("accepts the sales letter", () => {
    expect(issues(SALES_LETTER)).toEqual([]);
  });

  it("points at each problem by path, with a message for the builder", () => {
    expect(
      issues({
        all: [
          { field: "traits.complaint_calls_90d", op: "gt", value: 3 },
          { field: "traits.unknown", op: "gt", value: 3 },
          { field: "traits.page_views_30d", op: "contains", value: "5" },
          { any: [{ field: "orders.open_sek", op: "gt", value: "10000" }] },
        ],
      }),
    ).toEqual([
      { field: "all.1.field", code: "unknown_field", message: 'Unknown field "traits.unknown"' },
      {
        field: "all.2.op",
        code: "operator_not_allowed",
        message: '"contains" does not apply to number fields such as "Page views, 30 days"',
      },
      { field: "all.3.any.0.value", code: "invalid_value", message: "Needs a number" },
    ]);
  });

  it("refuses shapes that are not conditions", () => {
    expect(codes(null)).toEqual([" invalid_shape"]);
    expect(codes([])).toEqual([" invalid_shape"]);
    expect(codes({ all: [], any: [] })).toEqual([" invalid_shape"]);
    expect(codes({ all: "x" })).toEqual(["all invalid_shape"]);
    expect(codes({ field: "orders.open_sek", op: "gt", value: 1, extra: true })).toEqual([" invalid_shape"]);
    expect(codes({ field: "orders.open_sek" })).toEqual([" invalid_shape"]);
    expect(codes({ not: { field: "orders.open_sek", op: "greater", value: 1 } })).toEqual(["not.op unknown_operator"]);
  });

  it("refuses empty all and any, whose meaning nobody would agree on", () => {
    expect(codes({ all: [] })).toEqual(["all empty_group"]);
    expect(codes({ not: { any: [] } })).toEqual(["not.any empty_group"]);
  });

  it("checks values against each type and operator", () => {
    const value = (field: string, op: string, v?: unknown) => codes({ field, op, value: v });
    expect(value("orders.open_sek", "gt", Number.NaN)).toEqual(["value invalid_value"]);
    expect(value("orders.open_sek", "between", [5, 1])).toEqual(["value invalid_value"]);
    expect(value("orders.open_sek", "between", [1, "x"])).toEqual(["value.1 invalid_value"]);
    expect(value("orders.open_sek", "in", [])).toEqual(["value invalid_value"]);
    expect(value("orders.open_sek", "in", [1, null])).toEqual(["value.1 invalid_value"]);
    expect(value("orders.open_sek", "is_set", 3)).toEqual(["value invalid_value"]);
    expect(value("orders.open_sek", "is_set", null)).toEqual([]);
    expect(value("person.given_name", "eq", 3)).toEqual(["value invalid_value"]);
    expect(value("person.given_name", "eq", "a\u0000b")).toEqual(["value invalid_value"]);
    expect(value("person.lifecycle_stage", "in", ["lead", "Lead"])).toEqual(["value.1 invalid_value"]);
    expect(value("person.lifecycle_stage", "contains", "Lea")).toEqual([]);
    expect(value("person.marketing_consent", "eq", "true")).toEqual(["value invalid_value"]);
    expect(value("person.birth_date", "eq", "2026-02-29")).toEqual(["value invalid_value"]);
    expect(value("person.birth_date", "before", "2024-02-29")).toEqual([]);
    expect(value("person.last_seen_at", "after", "2026-10-05T08:00:00")).toEqual(["value invalid_value"]);
    expect(value("person.last_seen_at", "after", "2026-10-05T24:00:00Z")).toEqual(["value invalid_value"]);
    expect(value("person.last_seen_at", "after", "2026-10-05T08:00:00.123+02:00")).toEqual([]);
    expect(value("person.last_seen_at", "within_last", { amount: 2, unit: "weeks" })).toEqual([
      "value.unit invalid_value",
    ]);
    expect(value("person.last_seen_at", "within_last", { amount: 1.5, unit: "days" })).toEqual(["value invalid_value"]);
    expect(value("person.birth_date", "within_last", { amount: 2, unit: "hours" })).toEqual([
      "value.unit invalid_value",
    ]);
  });

  it("explains why a value does not fit", () => {
    const [choice] = issues({ field: "person.lifecycle_stage", op: "eq", value: "Lead" });
    expect(choice?.message).toBe('"Lead" is not one of: interested, prospect, lead, customer');
    const [date] = issues({ field: "person.birth_date", op: "eq", value: "5/10/2026" });
    expect(date?.message).toBe("Needs a date as YYYY-MM-DD");
  });

  it("caps depth, size and in-lists", () => {
    let deep: unknown = { field: "orders.open_sek", op: "is_set" };
    for (let level = 0; level < LIMITS.maxDepth; level++) deep = { not: deep };
    expect(codes(deep)).toEqual([`${Array(LIMITS.maxDepth).fill("not").join(".")} too_deep`]);

    const wide = { any: Array.from({ length: LIMITS.maxNodes }, () => ({ field: "orders.open_sek", op: "is_set" })) };
    expect(codes(wide)).toEqual([" too_many_nodes"]);
    expect(codes({ any: wide.any.slice(1) })).toEqual([]);

    const many = Array.from({ length: LIMITS.maxInValues + 1 }, (_, index) => index);
    expect(codes({ field: "orders.open_sek", op: "in", value: many })).toEqual(["value too_many_values"]);
    expect(codes({ field: "orders.open_sek", op: "in", value: many.slice(1) })).toEqual([]);
  });

  it("stops walking a hostile condition at the caps", () => {
    let deep: unknown = { field: "orders.open_sek", op: "is_set" };
    for (let level = 0; level < 100_000; level++) deep = { not: deep };
    expect(issues(deep)).toHaveLength(1);
  });
});
