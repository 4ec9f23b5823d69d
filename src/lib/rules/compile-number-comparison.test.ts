import { describe, expect, it } from "vitest";
import { sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJs } from "./compile-js";
import type { Condition } from "./condition";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");

function holds(condition: Condition, calls: unknown, open?: unknown): boolean {
  return compileJs(condition, registry)({ now, traits: { complaint_calls_90d: calls }, orders: { open_sek: open } });
}

describe("number and kronor comparisons", () => {
  it.each([
    ["eq", 3, 3, true],
    ["eq", 3, 4, false],
    ["neq", 3, 4, true],
    ["neq", 3, 3, false],
    ["gt", 3, 4, true],
    ["gt", 3, 3, false],
    ["gte", 3, 3, true],
    ["gte", 3, 2, false],
    ["lt", 5, 4, true],
    ["lt", 5, 5, false],
    ["lte", 5, 5, true],
    ["lte", 5, 6, false],
    ["between", [2, 4], 2, true],
    ["between", [2, 4], 4, true],
    ["between", [2, 4], 5, false],
    ["in", [1, 3, 5], 3, true],
    ["in", [1, 3, 5], 4, false],
    ["not_in", [1, 3, 5], 4, true],
    ["not_in", [1, 3, 5], 3, false],
  ] as const)("%s %j with %j is %s", (op, value, seen, expected) => {
    expect(holds({ field: "traits.complaint_calls_90d", op, value }, seen)).toBe(expected);
  });

  it("reads bigints and the numeric strings drivers return for numeric columns", () => {
    const rule: Condition = { field: "orders.open_sek", op: "gt", value: 10_000 };
    expect(holds(rule, 0, "10000.50")).toBe(true);
    expect(holds(rule, 0, "10000.00")).toBe(false);
    expect(holds(rule, 0, 10_001n)).toBe(true);
    expect(holds({ field: "orders.open_sek", op: "eq", value: 0.1 }, 0, "0.10")).toBe(true);
  });

  it("treats text that is not a number as no value", () => {
    expect(holds({ field: "orders.open_sek", op: "lt", value: 1 }, 0, "")).toBe(false);
    expect(holds({ field: "orders.open_sek", op: "is_set" }, 0, "many")).toBe(false);
  });

  it("makes every operator false when the value is missing, except is_not_set", () => {
    for (const condition of [
      { field: "traits.complaint_calls_90d", op: "lt", value: 1 },
      { field: "traits.complaint_calls_90d", op: "lte", value: 0 },
      { field: "traits.complaint_calls_90d", op: "neq", value: 3 },
      { field: "traits.complaint_calls_90d", op: "not_in", value: [3] },
      { field: "traits.complaint_calls_90d", op: "between", value: [-1, 1] },
      { field: "traits.complaint_calls_90d", op: "is_set" },
    ] satisfies Condition[]) {
      expect(holds(condition, null)).toBe(false);
      expect(holds(condition, undefined)).toBe(false);
    }
    expect(holds({ field: "traits.complaint_calls_90d", op: "is_not_set" }, null)).toBe(true);
    expect(holds({ field: "traits.complaint_calls_90d", op: "is_set" }, 0)).toBe(true);
  });
});
