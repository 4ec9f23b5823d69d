import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJsTraced } from "./compile-js-traced";
import type { Condition } from "./condition";
import { explainTrace } from "./explain-trace";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");
const explain = (condition: Condition, facts: Record<string, unknown>) =>
  explainTrace(compileJsTraced(condition, registry)({ now, ...facts }));

describe("explainTrace", () => {
  it("checks off each part of the sales letter", () => {
    const facts = { traits: { complaint_calls_90d: 5, page_views_30d: 7 }, orders: { open_sek: 12_000 } };
    expect(explain(SALES_LETTER, facts)).toEqual([
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
      ],
    };
    expect(explain(condition, { person: { lifecycle_stage: "prospect", given_name: "Åsa" } })).toEqual([
      "✗ any of:",
      "  ✗ lifecycle_stage = prospect, not one of (lead, customer)",
      "  ✗ not:",
      '    ✓ given_name = Åsa, starts with "Å"',
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
    expect(explain(condition, { person: { marketing_consent: false } })).toEqual([
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
    expect(explain(condition, { person })).toEqual([
      "✗ last_seen_at = 2026-08-01T12:00:00.000Z, not within last 30 days",
      "✓ birth_date = 1985-06-01, between 1980-01-01 and 1989-12-31",
    ]);
  });

  it("explains a trace read back from JSON, where missing values have no key", () => {
    const trace = {
      kind: "compare" as const,
      result: false,
      field: "orders.open_sek",
      op: "gt" as const,
      expected: 10,
    };
    expect(explainTrace(trace)).toEqual(["✗ open_sek has no value, needs more than 10"]);
  });
});
