import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaroWinkler } from "./jaro-winkler";

describe("jaroWinkler", () => {
  it("gives the textbook values", () => {
    expect(jaroWinkler("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("DIXON", "DICKSONX")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("DWAYNE", "DUANE")).toBeCloseTo(0.84, 3);
  });

  it("adds no prefix bonus at or below a Jaro similarity of 0.7", () => {
    expect(jaroWinkler("ABCDEFGH", "ABXXXXXX")).toBeCloseTo((2 / 8 + 2 / 8 + 1) / 3, 10);
  });

  it("is 1 for equal strings and 0 when nothing matches or one side is empty", () => {
    expect(jaroWinkler("", "")).toBe(1);
    expect(jaroWinkler("Anna", "Anna")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "abc")).toBe(0);
  });

  it("is symmetric, in [0, 1], and 1 only for equal strings", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[ab]{0,10}$/),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = jaroWinkler(a, b);
        return ab === jaroWinkler(b, a) && ab >= 0 && ab <= 1 && (ab === 1) === (a === b) && jaroWinkler(a, a) === 1;
      }),
      { numRuns: 5_000 },
    );
  });

  it("handles strings longer than its scratch space", () => {
    const long = "a".repeat(1_000);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
    expect(jaroWinkler("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
  });
});
