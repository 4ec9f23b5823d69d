import { describe, expect, it } from "vitest";
import { givenNameSegments, givenNameWords } from "./given-name-segments";

const preferredOf = (givenNames: string, parts: number[] | null) =>
  givenNameSegments(givenNames, parts)
    .filter((segment) => segment.preferred)
    .map((segment) => segment.text);

describe("given name segments", () => {
  it("marks the preferred name among several", () => {
    expect(preferredOf("Karl Stig Emanuel", [2])).toEqual(["Stig"]);
    expect(givenNameSegments("Karl Stig", [2]).map((segment) => segment.text)).toEqual(["Karl", " ", "Stig"]);
  });

  it("counts the halves of a hyphenated name as two names", () => {
    expect(preferredOf("Anna-Karin Maria", [1, 2])).toEqual(["Anna", "Karin"]);
    expect(preferredOf("Anna-Karin Maria", [3])).toEqual(["Maria"]);
  });

  it("marks nothing without a marking", () => {
    expect(preferredOf("Karl Stig", null)).toEqual([]);
  });

  it("offers whole words to pick from", () => {
    expect(givenNameWords(" Anna-Karin  Maria ")).toEqual(["Anna-Karin", "Maria"]);
  });
});
