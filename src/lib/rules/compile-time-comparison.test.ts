import { describe, expect, it } from "vitest";
import { sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJs } from "./compile-js";
import type { Condition } from "./condition";

const registry = sampleRegistry();

function holds(condition: Condition, person: Record<string, unknown>, now = "2026-10-05T08:00:00Z"): boolean {
  return compileJs(condition, registry)({ now: new Date(now), person });
}

describe("date comparisons", () => {
  const born = (birth_date: unknown) => ({ birth_date });

  it("compares calendar days: eq, neq, before, after, between", () => {
    expect(holds({ field: "person.birth_date", op: "eq", value: "1980-02-29" }, born("1980-02-29"))).toBe(true);
    expect(holds({ field: "person.birth_date", op: "neq", value: "1980-02-29" }, born("1980-03-01"))).toBe(true);
    expect(holds({ field: "person.birth_date", op: "before", value: "1980-03-01" }, born("1980-02-29"))).toBe(true);
    expect(holds({ field: "person.birth_date", op: "before", value: "1980-02-29" }, born("1980-02-29"))).toBe(false);
    expect(holds({ field: "person.birth_date", op: "after", value: "1980-02-28" }, born("1980-02-29"))).toBe(true);
    const eighties = { field: "person.birth_date", op: "between", value: ["1980-01-01", "1989-12-31"] } as const;
    expect(holds(eighties, born("1989-12-31"))).toBe(true);
    expect(holds(eighties, born("1990-01-01"))).toBe(false);
  });

  it("reads Dates at UTC midnight and longer ISO strings by their day", () => {
    const rule = { field: "person.birth_date", op: "eq", value: "1980-02-29" } as const;
    expect(holds(rule, born(new Date("1980-02-29T00:00:00Z")))).toBe(true);
    expect(holds(rule, born("1980-02-29T00:00:00.000Z"))).toBe(true);
    expect(holds(rule, born("29/02/1980"))).toBe(false);
  });

  it("counts within_last and more_than_ago in days from today in Stockholm", () => {
    const lastWeek = { field: "person.birth_date", op: "within_last", value: { amount: 7, unit: "days" } } as const;
    expect(holds(lastWeek, born("2026-09-28"))).toBe(true);
    expect(holds(lastWeek, born("2026-10-05"))).toBe(true);
    expect(holds(lastWeek, born("2026-09-27"))).toBe(false);
    expect(holds(lastWeek, born("2026-10-06"))).toBe(false);
    // 22:30 UTC on the 5th is already the 6th in Stockholm.
    expect(holds(lastWeek, born("2026-10-06"), "2026-10-05T22:30:00Z")).toBe(true);
    const longAgo = { field: "person.birth_date", op: "more_than_ago", value: { amount: 3, unit: "days" } } as const;
    expect(holds(longAgo, born("2026-10-01"))).toBe(true);
    expect(holds(longAgo, born("2026-10-02"))).toBe(false);
  });

  it("is false without a value, except is_not_set", () => {
    expect(holds({ field: "person.birth_date", op: "before", value: "2100-01-01" }, born(null))).toBe(false);
    expect(holds({ field: "person.birth_date", op: "is_not_set" }, born("not a date"))).toBe(true);
  });
});

describe("timestamp comparisons", () => {
  const seen = (last_seen_at: unknown) => ({ last_seen_at });
  const now = "2026-10-05T08:00:00Z";

  it("accepts Dates, ISO strings with any offset and PostgreSQL's text form alike", () => {
    const rule = { field: "person.last_seen_at", op: "eq", value: "2026-10-05T10:00:00+02:00" } as const;
    expect(holds(rule, seen(new Date(now)))).toBe(true);
    expect(holds(rule, seen("2026-10-05T08:00:00.000Z"))).toBe(true);
    expect(holds(rule, seen("2026-10-05 10:00:00+02"))).toBe(true);
    expect(holds(rule, seen("2026-10-05 08:00:00.001+00"))).toBe(false);
  });

  it("compares instants with before, after and between, inclusive at both ends", () => {
    expect(holds({ field: "person.last_seen_at", op: "before", value: now }, seen("2026-10-05T07:59:59Z"))).toBe(true);
    expect(holds({ field: "person.last_seen_at", op: "after", value: now }, seen(now))).toBe(false);
    const range = { field: "person.last_seen_at", op: "between", value: ["2026-10-01T00:00:00Z", now] } as const;
    expect(holds(range, seen(now))).toBe(true);
    expect(holds(range, seen("2026-09-30T23:59:59.999Z"))).toBe(false);
  });

  it("measures within_last and more_than_ago back from facts.now, in fixed lengths", () => {
    const lastHour = {
      field: "person.last_seen_at",
      op: "within_last",
      value: { amount: 60, unit: "minutes" },
    } as const;
    expect(holds(lastHour, seen("2026-10-05T07:00:00Z"))).toBe(true);
    expect(holds(lastHour, seen("2026-10-05T06:59:59.999Z"))).toBe(false);
    expect(holds(lastHour, seen("2026-10-05T08:00:00.001Z"))).toBe(false);
    const threeDays = {
      field: "person.last_seen_at",
      op: "more_than_ago",
      value: { amount: 3, unit: "days" },
    } as const;
    expect(holds(threeDays, seen("2026-10-02T07:59:59.999Z"))).toBe(true);
    expect(holds(threeDays, seen("2026-10-02T08:00:00Z"))).toBe(false);
    // A day is 24 hours even across the autumn change in Stockholm.
    expect(holds(threeDays, seen("2026-10-23T23:59:59Z"), "2026-10-27T00:00:00Z")).toBe(true);
  });

  it("needs a valid facts.now for relative operators", () => {
    const rule = { field: "person.last_seen_at", op: "within_last", value: { amount: 1, unit: "days" } } as const;
    const check = compileJs(rule, registry);
    expect(() => check({ now: new Date("nonsense"), person: seen(now) })).toThrow(/facts.now/);
  });
});
