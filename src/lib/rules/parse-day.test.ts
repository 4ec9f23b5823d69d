import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay } from "./format-day";
import { dayNumber, parseDay } from "./parse-day";

describe("parseDay and formatDay", () => {
  it("count days from 1970-01-01, as Date.UTC does", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(parseDay("1969-12-31")).toBe(-1);
  });

  it("refuse days that do not exist and other formats", () => {
    for (const text of ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-1-01", "2024-01-01T00:00Z", ""]) {
      expect(parseDay(text)).toBeNull();
    }
    expect(parseDay("2000-02-29")).not.toBeNull();
  });

  it("are inverses over the years the register meets", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1, 1, 1), max: dayNumber(9999, 12, 31) }), (day) => {
        expect(parseDay(formatDay(day))).toBe(day);
      }),
    );
  });
});
