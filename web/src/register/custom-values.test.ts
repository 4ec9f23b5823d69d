import { describe, expect, it } from "vitest";
import { choiceOptions, editableNumber, parseDecimalInput, prepareCustomValues } from "./custom-values";
import type { CustomAttribute } from "./types";

const attribute = (key: string, type: CustomAttribute["type"]): CustomAttribute => ({
  id: key,
  key,
  label: key,
  description: null,
  type,
  choices: null,
  required: false,
  retired: false,
});

describe("amounts as people type them", () => {
  it("reads Swedish amounts, the app's own minus sign and spaces", () => {
    expect(parseDecimalInput("−500", "sv")).toBe("-500");
    expect(parseDecimalInput("−1 234 567,50 kr", "sv", { kronor: true })).toBe("-1234567.5");
    expect(parseDecimalInput("1\u00a0234,5", "sv")).toBe("1234.5");
    expect(parseDecimalInput("12.5", "sv")).toBe("12.5");
    expect(parseDecimalInput("007", "sv")).toBe("7");
  });

  it("reads English amounts with thousands commas", () => {
    expect(parseDecimalInput("1,234,567.50", "en", { kronor: true })).toBe("1234567.5");
    expect(parseDecimalInput("-12.5", "en")).toBe("-12.5");
    expect(parseDecimalInput("1,5", "en")).toBeNull();
  });

  it("refuses what is not a number instead of guessing", () => {
    for (const text of ["1e5", "abc", "1,2,3", "--5", "0x10", "12 kr", "."]) {
      expect(parseDecimalInput(text, "sv"), text).toBeNull();
    }
    expect(parseDecimalInput("12 kr", "sv", { kronor: true })).toBe("12");
  });

  it("edits a stored number exactly, in the locale's way", () => {
    expect(editableNumber(-1234.5, "sv")).toBe("\u22121234,5");
    expect(editableNumber(0.1234567, "en")).toBe("0.1234567");
    expect(parseDecimalInput(editableNumber(-1234.5, "sv"), "sv")).toBe("-1234.5");
  });

  it("names the field whose text is not an amount, and never clears it", () => {
    const prepared = prepareCustomValues(
      [attribute("arsvarde", "kronor"), attribute("antal", "number"), attribute("note", "text")],
      { arsvarde: "abc", antal: "1 000", note: "" },
      "sv",
    );
    expect(prepared.errors).toEqual({ "custom.arsvarde": "invalid_kronor" });
    expect(prepared.values).toEqual({ antal: "1000", note: null });
  });
});

describe("choices", () => {
  it("offers each choice once, whatever a definition holds", () => {
    expect(choiceOptions({ choices: ["Ja", "Ja", "A", "a", ""] })).toEqual(["Ja", "A", "a"]);
    expect(choiceOptions({ choices: null })).toEqual([]);
  });
});
