import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { givenNameParts, locateGivenNameParts } from "./given-name-parts";

describe("givenNameParts", () => {
  it("counts hyphenated names as separate names, as the register does", () => {
    expect(givenNameParts("Anna-Karin Maria")).toEqual(["Anna", "Karin", "Maria"]);
    expect(givenNameParts("  Karl  Stig\tEmanuel ")).toEqual(["Karl", "Stig", "Emanuel"]);
    expect(givenNameParts("Jan-Erik")).toEqual(["Jan", "Erik"]);
    expect(givenNameParts("")).toEqual([]);
    expect(givenNameParts(" - ")).toEqual([]);
  });
});

describe("locateGivenNameParts", () => {
  it("finds the same parts as givenNameParts, with their word and place", () => {
    expect(locateGivenNameParts("Anna-Karin Maria")).toEqual([
      { text: "Anna", word: 0, start: 0, end: 4 },
      { text: "Karin", word: 0, start: 5, end: 10 },
      { text: "Maria", word: 1, start: 11, end: 16 },
    ]);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÅÄÖåäö \t-]{0,30}$/), (input) => {
        const trimmed = input.trim();
        const located = locateGivenNameParts(trimmed);
        expect(located.map((part) => part.text)).toEqual(givenNameParts(input));
        for (const part of located) expect(trimmed.slice(part.start, part.end)).toBe(part.text);
      }),
    );
  });
});
