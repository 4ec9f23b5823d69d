import { describe, expect, it } from "vitest";
import { decodeTilltalsnamn } from "./decode-tilltalsnamn";

function positions(givenNames: string, code: string | number): number[] | string {
  const parsed = decodeTilltalsnamn(givenNames, code);
  return parsed.ok ? parsed.value : parsed.code;
}

describe("decodeTilltalsnamn", () => {
  it("reads one marked name, with the trailing 0", () => {
    expect(positions("Karl Stig Emanuel", "10")).toEqual([1]);
    expect(positions("Karl Stig Emanuel", "20")).toEqual([2]);
    expect(positions("Karl Stig Emanuel", "30")).toEqual([3]);
  });

  it("reads two marked names, neighbours or not", () => {
    expect(positions("Anna-Karin Maria", "12")).toEqual([1, 2]);
    expect(positions("Anna-Karin Maria", "13")).toEqual([1, 3]);
    expect(positions("Anna-Karin Maria", "23")).toEqual([2, 3]);
  });

  it("reads numbers as their digits and a single digit as one name", () => {
    expect(positions("Karl Stig", 10)).toEqual([1]);
    expect(positions("Karl Stig", 12)).toEqual([1, 2]);
    expect(positions("Karl Stig", "2")).toEqual([2]);
    expect(positions("Karl Stig", 2)).toEqual([2]);
    expect(positions("Karl Stig", " 20 ")).toEqual([2]);
  });

  it("refuses codes that mark nothing, too much or the impossible", () => {
    for (const code of [
      "",
      "0",
      "00",
      "01",
      "05",
      "1a",
      "x",
      "123",
      "-1",
      "1.0",
      "11",
      "21",
      "40",
      "14",
      0,
      1.5,
      -10,
      100,
    ]) {
      expect(positions("Anna-Karin Maria", code), String(code)).toBe("invalid_marking");
    }
    expect(positions("", "10")).toBe("invalid_marking");
  });

  it("says why in its message", () => {
    const parsed = decodeTilltalsnamn("Anna Maria", "30");
    expect(parsed.ok || parsed.message).toBe('"30" marks name 3, but there are 2 names.');
  });
});
