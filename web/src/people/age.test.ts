import { describe, expect, it } from "vitest";
import { ageOn } from "./age";

describe("age", () => {
  it("counts a year only once the birthday has come", () => {
    expect(ageOn("1980-06-15", new Date(2026, 5, 14))).toBe(45);
    expect(ageOn("1980-06-15", new Date(2026, 5, 15))).toBe(46);
  });

  it("gives up on a date it cannot read", () => {
    expect(ageOn("okänt", new Date(2026, 0, 1))).toBeNull();
  });
});
