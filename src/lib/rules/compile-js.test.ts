import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJs } from "./compile-js";
import type { Condition } from "./condition";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");
const facts = (calls: unknown, views: unknown, open: unknown) => ({
  now,
  traits: { complaint_calls_90d: calls, page_views_30d: views },
  orders: { open_sek: open },
});

describe("compileJs", () => {
  it("decides the sales letter: many complaint calls, few page views, large open orders", () => {
    const check = compileJs(SALES_LETTER, registry);
    expect(check(facts(5, 2, 12_000))).toBe(true);
    expect(check(facts(5, 7, 12_000))).toBe(false);
    expect(check(facts(3, 2, 12_000))).toBe(false);
    expect(check(facts(5, 2, 10_000))).toBe(false);
    expect(check(facts(5, null, 12_000))).toBe(false);
  });

  it("combines with any and not, at every arity", () => {
    const gt = (value: number): Condition => ({ field: "traits.complaint_calls_90d", op: "gt", value });
    for (let arity = 1; arity <= 6; arity++) {
      const parts = Array.from({ length: arity }, (_, index) => gt(index));
      expect(compileJs({ all: parts }, registry)(facts(arity, 0, 0))).toBe(true);
      expect(compileJs({ all: parts }, registry)(facts(arity - 1, 0, 0))).toBe(false);
      expect(compileJs({ any: parts }, registry)(facts(1, 0, 0))).toBe(true);
      expect(compileJs({ any: parts }, registry)(facts(0, 0, 0))).toBe(false);
    }
    expect(compileJs({ not: gt(3) }, registry)(facts(3, 0, 0))).toBe(true);
    expect(compileJs({ not: { not: gt(3) } }, registry)(facts(3, 0, 0))).toBe(false);
  });

  it("inverts a comparison on a missing value with not: not(x > 3) holds when x has no value", () => {
    const notMany: Condition = { not: { field: "traits.complaint_calls_90d", op: "gt", value: 3 } };
    const few: Condition = { field: "traits.complaint_calls_90d", op: "lte", value: 3 };
    expect(compileJs(notMany, registry)(facts(null, 0, 0))).toBe(true);
    expect(compileJs(few, registry)(facts(null, 0, 0))).toBe(false);
  });

  it("reads missing fact groups as missing values", () => {
    const check = compileJs({ field: "traits.page_views_30d", op: "is_not_set" }, registry);
    expect(check({ now })).toBe(true);
  });

  it("refuses an invalid condition with the validation messages", () => {
    expect(() => compileJs({ field: "traits.nope", op: "gt", value: 1 }, registry)).toThrow(
      /field: Unknown field "traits.nope"/,
    );
    expect(() => compileJs({ all: [] }, registry)).toThrow(/all: "all" needs at least one condition/);
  });

  it("evaluates per-event fields, which have no SQL form", () => {
    const check = compileJs({ field: "event.country", op: "eq", value: "SE" }, registry);
    expect(check({ now, event: { country: "SE" } })).toBe(true);
  });
});
