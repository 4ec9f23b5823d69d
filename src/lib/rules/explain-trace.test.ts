import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJsTraced } from "./compile-js-traced";
import type { Condition, Operator } from "./condition";
import { explainTrace } from "./explain-trace";
import type { ExplainLanguage } from "./explain-words";
import type { TraceNode } from "./trace-node";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");
const explain = (condition: Condition, facts: Record<string, unknown>, language: ExplainLanguage) =>
  explainTrace(compileJsTraced(condition, registry)({ now, ...facts }), language);
const compare = (op: Operator, seen: unknown, expected: unknown, result: boolean): TraceNode => ({
  kind: "compare",
  result,
  field: "traits.visits",
  op,
  seen,
  expected,
});

describe("explainTrace", () => {
  const salesFacts = { traits: { complaint_calls_90d: 5, page_views_30d: 7 }, orders: { open_sek: 12_000 } };

  it("checks off each part of the sales letter in Swedish", () => {
    expect(explain(SALES_LETTER, salesFacts, "sv")).toEqual([
      "✓ complaint_calls_90d = 5, mer än 3",
      "✗ page_views_30d = 7, inte mindre än 5",
      "✓ open_sek = 12000, mer än 10000",
    ]);
  });

  it("checks off each part of the sales letter in English", () => {
    expect(explain(SALES_LETTER, salesFacts, "en")).toEqual([
      "✓ complaint_calls_90d = 5, more than 3",
      "✗ page_views_30d = 7, not less than 5",
      "✓ open_sek = 12000, more than 10000",
    ]);
  });

  it("gives nested groups a header and indents their parts", () => {
    const condition: Condition = {
      any: [
        { field: "person.lifecycle_stage", op: "in", value: ["lead", "customer"] },
        { not: { field: "person.given_name", op: "starts_with", value: "Å" } },
        { all: [{ field: "person.marketing_consent", op: "eq", value: true }] },
      ],
    };
    const facts = { person: { lifecycle_stage: "prospect", given_name: "Åsa", marketing_consent: false } };
    expect(explain(condition, facts, "sv")).toEqual([
      "✗ någon av:",
      "  ✗ lifecycle_stage = prospect, ingen av (lead, customer)",
      "  ✗ inte:",
      '    ✓ given_name = Åsa, börjar med "Å"',
      "  ✗ alla av:",
      "    ✗ marketing_consent = false, inte lika med true",
    ]);
    expect(explain(condition, facts, "en")).toEqual([
      "✗ any of:",
      "  ✗ lifecycle_stage = prospect, not one of (lead, customer)",
      "  ✗ not:",
      '    ✓ given_name = Åsa, starts with "Å"',
      "  ✗ all of:",
      "    ✗ marketing_consent = false, not equal to true",
    ]);
  });

  it("says when a field has no value", () => {
    const condition: Condition = {
      all: [
        { field: "traits.complaint_calls_90d", op: "gte", value: 3 },
        { field: "person.given_name", op: "is_not_set" },
        { field: "person.marketing_consent", op: "is_set" },
      ],
    };
    const facts = { person: { marketing_consent: false } };
    expect(explain(condition, facts, "sv")).toEqual([
      "✗ complaint_calls_90d saknar värde, krav: minst 3",
      "✓ given_name saknar värde",
      "✓ marketing_consent = false, har ett värde",
    ]);
    expect(explain(condition, facts, "en")).toEqual([
      "✗ complaint_calls_90d has no value, needs at least 3",
      "✓ given_name has no value",
      "✓ marketing_consent = false, is set",
    ]);
  });

  it("phrases time windows and ranges", () => {
    const condition: Condition = {
      all: [
        { field: "person.last_seen_at", op: "within_last", value: { amount: 30, unit: "days" } },
        { field: "person.birth_date", op: "between", value: ["1980-01-01", "1989-12-31"] },
      ],
    };
    const person = { last_seen_at: "2026-08-01T12:00:00Z", birth_date: "1985-06-01" };
    expect(explain(condition, { person }, "sv")).toEqual([
      "✗ last_seen_at = 2026-08-01T12:00:00.000Z, inte inom de senaste 30 dagarna",
      "✓ birth_date = 1985-06-01, mellan 1980-01-01 och 1989-12-31",
    ]);
    expect(explain(condition, { person }, "en")).toEqual([
      "✗ last_seen_at = 2026-08-01T12:00:00.000Z, not within last 30 days",
      "✓ birth_date = 1985-06-01, between 1980-01-01 and 1989-12-31",
    ]);
  });

  it("words spans of one and of several in Swedish", () => {
    const at = "2026-10-01T08:00:00.000Z";
    const lines = (op: Operator, amount: number, unit: string) =>
      explainTrace(compare(op, at, { amount, unit }, true), "sv");
    expect(lines("within_last", 1, "days")).toEqual([`✓ visits = ${at}, inom den senaste dagen`]);
    expect(lines("within_last", 2, "hours")).toEqual([`✓ visits = ${at}, inom de senaste 2 timmarna`]);
    expect(lines("within_last", 1, "minutes")).toEqual([`✓ visits = ${at}, inom den senaste minuten`]);
    expect(lines("more_than_ago", 3, "days")).toEqual([`✓ visits = ${at}, för mer än 3 dagar sedan`]);
    expect(lines("more_than_ago", 1, "hours")).toEqual([`✓ visits = ${at}, för mer än 1 timme sedan`]);
    expect(lines("more_than_ago", 45, "minutes")).toEqual([`✓ visits = ${at}, för mer än 45 minuter sedan`]);
    expect(explainTrace(compare("more_than_ago", at, { amount: 1, unit: "days" }, false), "en")).toEqual([
      `✗ visits = ${at}, not more than 1 day ago`,
    ]);
  });

  it("has a Swedish phrase for every operator, held and failed", () => {
    const cases: Array<[Operator, unknown, unknown, string, string]> = [
      ["eq", 2, 3, "lika med 3", "inte lika med 3"],
      ["neq", 2, 3, "annat än 3", "lika med 3"],
      ["gt", 2, 3, "mer än 3", "inte mer än 3"],
      ["gte", 2, 3, "minst 3", "mindre än 3"],
      ["lt", 2, 3, "mindre än 3", "inte mindre än 3"],
      ["lte", 2, 3, "högst 3", "mer än 3"],
      ["between", 2, [1, 5], "mellan 1 och 5", "inte mellan 1 och 5"],
      ["in", "a", ["a", "b"], "en av (a, b)", "ingen av (a, b)"],
      ["not_in", "a", ["a", "b"], "ingen av (a, b)", "en av (a, b)"],
      ["contains", "abc", "b", 'innehåller "b"', 'innehåller inte "b"'],
      ["starts_with", "abc", "a", 'börjar med "a"', 'börjar inte med "a"'],
      ["before", "2026-01-01", "2026-02-01", "före 2026-02-01", "inte före 2026-02-01"],
      ["after", "2026-01-01", "2026-02-01", "efter 2026-02-01", "inte efter 2026-02-01"],
    ];
    for (const [op, seen, expected, held, failed] of cases) {
      const value = typeof seen === "number" ? String(seen) : seen;
      expect(explainTrace(compare(op, seen, expected, true), "sv")).toEqual([`✓ visits = ${value}, ${held}`]);
      expect(explainTrace(compare(op, seen, expected, false), "sv")).toEqual([`✗ visits = ${value}, ${failed}`]);
    }
  });

  it("keeps the decimal point in both languages, so a list of numbers stays unambiguous", () => {
    const trace = compare("in", 2.5, [1.5, 2.5], true);
    expect(explainTrace(trace, "sv")).toEqual(["✓ visits = 2.5, en av (1.5, 2.5)"]);
    expect(explainTrace(trace, "en")).toEqual(["✓ visits = 2.5, one of (1.5, 2.5)"]);
  });

  it("explains a trace read back from JSON, where missing values have no key", () => {
    const trace = {
      kind: "compare" as const,
      result: false,
      field: "orders.open_sek",
      op: "gt" as const,
      expected: 10,
    };
    expect(explainTrace(trace, "sv")).toEqual(["✗ open_sek saknar värde, krav: mer än 10"]);
    expect(explainTrace(trace, "en")).toEqual(["✗ open_sek has no value, needs more than 10"]);
  });
});
