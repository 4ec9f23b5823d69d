import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTilltalsnamn } from "./decode-tilltalsnamn";
import { encodeTilltalsnamn } from "./encode-tilltalsnamn";

describe("encodeTilltalsnamn", () => {
  it("writes the register's two-digit code", () => {
    expect(encodeTilltalsnamn([1])).toBe("10");
    expect(encodeTilltalsnamn([2])).toBe("20");
    expect(encodeTilltalsnamn([1, 2])).toBe("12");
    expect(encodeTilltalsnamn([1, 3])).toBe("13");
  });

  it("gives no marking for lists the code cannot express", () => {
    for (const list of [[], [0], [10], [1, 2, 3], [2, 1], [1, 1], [1.5], [-1]]) {
      expect(encodeTilltalsnamn(list), JSON.stringify(list)).toBe("");
    }
  });

  it("is undone by decodeTilltalsnamn", () => {
    const nineNames = "A B C D E F G H I";
    const marking = fc.oneof(
      fc.integer({ min: 1, max: 9 }).map((a) => [a]),
      fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })).map(([a, d]) => [a, Math.min(9, a + d)]),
    );
    fc.assert(
      fc.property(marking, (list) => {
        if (list[0] === list[1]) return true;
        const decoded = decodeTilltalsnamn(nineNames, encodeTilltalsnamn(list));
        return decoded.ok && JSON.stringify(decoded.value) === JSON.stringify(list);
      }),
    );
  });
});
