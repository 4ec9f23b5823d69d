import { describe, expect, it } from "vitest";
import { parseIsoDate } from "./parse-iso-date";

describe("a day typed into a date field", () => {
  it("is taken once it is a whole YYYY-MM-DD", () => {
    expect(parseIsoDate("2026-11-24")).toBe("2026-11-24");
    expect(parseIsoDate(" 2024-02-29 ")).toBe("2024-02-29");
  });

  it("is not guessed at while still being typed", () => {
    for (const partial of ["2", "2026", "2026-1", "2026-11-2"]) expect(parseIsoDate(partial)).toBeNull();
  });

  it("is refused when the day does not exist or is written another way", () => {
    for (const typed of ["2026-02-29", "2026-02-30", "2026-13-01", "24/11/2026", "11/24/2026", "24 november 2026"]) {
      expect(parseIsoDate(typed)).toBeNull();
    }
  });
});
