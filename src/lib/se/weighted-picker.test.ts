import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "./seeded-random";
import { weightedPicker } from "./weighted-picker";

describe("weightedPicker", () => {
  it("picks in proportion to the weights", () => {
    const pick = weightedPicker([
      ["a", 1],
      ["b", 3],
      ["c", 6],
    ] as const);
    const random = seededRandom(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 100_000; i++) counts[pick(random)]++;
    expect(counts.a / 100_000).toBeCloseTo(0.1, 1);
    expect(counts.b / 100_000).toBeCloseTo(0.3, 1);
    expect(counts.c / 100_000).toBeCloseTo(0.6, 1);
  });

  it("maps the ends of [0, 1) to the first and last entries, even for a random() that returns 1", () => {
    const pick = weightedPicker([
      ["first", 2],
      ["last", 2],
    ]);
    expect(pick(() => 0)).toBe("first");
    expect(pick(() => 0.999999)).toBe("last");
    expect(pick(() => 1)).toBe("last");
  });

  it("never picks entries without a positive weight", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (x) => {
        const pick = weightedPicker([
          ["zero", 0],
          ["negative", -5],
          ["nan", Number.NaN],
          ["only", 1],
        ]);
        return pick(() => x) === "only";
      }),
    );
  });

  it("refuses data it could never pick from", () => {
    expect(() => weightedPicker([])).toThrow(RangeError);
    expect(() => weightedPicker([["x", 0]])).toThrow(RangeError);
  });
});
