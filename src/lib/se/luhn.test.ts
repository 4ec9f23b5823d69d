import { describe, expect, it } from "vitest";
import { hasValidLuhn, luhnCheckDigit } from "./luhn";

describe("luhnCheckDigit", () => {
  it("computes the check digit of the worked example in the population register's description", () => {
    expect(luhnCheckDigit("640823323", 9)).toBe(4);
  });

  it("gives 0 when the sum is already a multiple of ten", () => {
    expect(luhnCheckDigit("000000000", 9)).toBe(0);
  });
});

describe("hasValidLuhn", () => {
  it("accepts numbers whose last digit checks out and rejects a changed last digit", () => {
    expect(hasValidLuhn("6408233234")).toBe(true);
    expect(hasValidLuhn("5560360793")).toBe(true);
    expect(hasValidLuhn("6408233235")).toBe(false);
  });
});
