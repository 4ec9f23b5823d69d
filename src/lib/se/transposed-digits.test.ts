import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transposedDigits } from "./transposed-digits";

describe("transposedDigits", () => {
  it("spots one swap of neighbouring digits", () => {
    expect(transposedDigits("198503121234", "198503211234")).toBe(true);
    expect(transposedDigits("198503121234", "891503121234")).toBe(false);
    expect(transposedDigits("198503121234", "198503121243")).toBe(true);
    expect(transposedDigits("198503121234", "918503121234")).toBe(true);
  });

  it("is false for equal strings, other changes, two swaps, distant swaps and different lengths", () => {
    expect(transposedDigits("198503121234", "198503121234")).toBe(false);
    expect(transposedDigits("198503121234", "198503121235")).toBe(false);
    expect(transposedDigits("198503121234", "891503121243")).toBe(false);
    expect(transposedDigits("198503121234", "198513021234")).toBe(false);
    expect(transposedDigits("198503121234", "98503121234")).toBe(false);
    expect(transposedDigits("", "")).toBe(false);
  });

  it("holds for every swap of two different neighbours, in both directions", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 10 }), (a, i) => {
        const b = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
        const expected = a[i] !== a[i + 1];
        return transposedDigits(a, b) === expected && transposedDigits(b, a) === expected;
      }),
    );
  });
});
