import { describe, expect, it } from "vitest";
import { sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJs } from "./compile-js";
import type { Condition } from "./condition";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");

function holds(condition: Condition, person: Record<string, unknown>): boolean {
  return compileJs(condition, registry)({ now, person });
}

describe("text and choice comparisons", () => {
  it.each([
    ["eq", "Åsa", "Åsa", true],
    ["eq", "Åsa", "åsa", false],
    ["neq", "Åsa", "ÅSA", true],
    ["neq", "Åsa", "Åsa", false],
    ["in", ["Åsa", "Örjan"], "Örjan", true],
    ["in", ["Åsa", "Örjan"], "örjan", false],
    ["not_in", ["Åsa", "Örjan"], "örjan", true],
    ["contains", "sa", "Åsa", true],
    ["contains", "Ö", "björn", false],
    ["starts_with", "Å", "Åsa", true],
    ["starts_with", "å", "Åsa", false],
    ["contains", "", "Åsa", true],
    ["starts_with", "", "", true],
  ] as const)("%s %j against %j is %s: case-sensitive, as in SQL", (op, value, given, expected) => {
    expect(holds({ field: "person.given_name", op, value }, { given_name: given })).toBe(expected);
  });

  it("counts the empty string as a value", () => {
    expect(holds({ field: "person.given_name", op: "is_set" }, { given_name: "" })).toBe(true);
    expect(holds({ field: "person.given_name", op: "neq", value: "Åsa" }, { given_name: "" })).toBe(true);
  });

  it("is false for every operator but is_not_set when the value is missing or not text", () => {
    for (const op of ["neq", "not_in", "contains", "starts_with"] as const) {
      const value = op === "not_in" ? ["x"] : "x";
      expect(holds({ field: "person.given_name", op, value }, {})).toBe(false);
      expect(holds({ field: "person.given_name", op, value }, { given_name: 7 })).toBe(false);
    }
    expect(holds({ field: "person.given_name", op: "is_not_set" }, { given_name: 7 })).toBe(true);
  });

  it("offers the same operators on choices", () => {
    const lead = { lifecycle_stage: "lead" };
    expect(holds({ field: "person.lifecycle_stage", op: "in", value: ["lead", "customer"] }, lead)).toBe(true);
    expect(holds({ field: "person.lifecycle_stage", op: "neq", value: "customer" }, lead)).toBe(true);
    expect(holds({ field: "person.lifecycle_stage", op: "starts_with", value: "le" }, lead)).toBe(true);
  });
});

describe("boolean comparisons", () => {
  it("compares with true and false, and a missing value is neither", () => {
    const consent = (value: unknown) => ({ marketing_consent: value });
    expect(holds({ field: "person.marketing_consent", op: "eq", value: true }, consent(true))).toBe(true);
    expect(holds({ field: "person.marketing_consent", op: "eq", value: false }, consent(true))).toBe(false);
    expect(holds({ field: "person.marketing_consent", op: "neq", value: true }, consent(false))).toBe(true);
    expect(holds({ field: "person.marketing_consent", op: "neq", value: true }, consent(null))).toBe(false);
    expect(holds({ field: "person.marketing_consent", op: "eq", value: false }, consent(null))).toBe(false);
    expect(holds({ not: { field: "person.marketing_consent", op: "eq", value: true } }, consent(null))).toBe(true);
    expect(holds({ field: "person.marketing_consent", op: "is_not_set" }, consent("yes"))).toBe(true);
  });
});
