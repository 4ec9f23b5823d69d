import { describe, expect, it } from "vitest";
import { calendarToday } from "./calendar-today";
import { formatDay } from "./format-day";

const today = (iso: string) => formatDay(calendarToday(Date.parse(iso)));

describe("calendarToday", () => {
  it("turns the day at midnight in Stockholm, summer and winter", () => {
    expect(today("2026-06-30T21:59:59Z")).toBe("2026-06-30");
    expect(today("2026-06-30T22:00:00Z")).toBe("2026-07-01");
    expect(today("2026-12-31T22:59:59Z")).toBe("2026-12-31");
    expect(today("2026-12-31T23:00:00Z")).toBe("2027-01-01");
  });

  it("answers each instant on its own, whatever was asked before", () => {
    expect(today("2026-03-29T01:00:00Z")).toBe("2026-03-29");
    expect(today("2026-03-28T22:00:00Z")).toBe("2026-03-28");
    expect(today("2026-03-29T01:00:00Z")).toBe("2026-03-29");
  });
});
