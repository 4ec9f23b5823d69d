import { describe, expect, it } from "vitest";
import { isPastDay, localDateTimeToIso, localDayToIso } from "./local-time";

describe("local times from inputs", () => {
  it("reads a datetime-local value as local time", () => {
    expect(localDateTimeToIso("2026-11-22T09:05")).toBe(new Date(2026, 10, 22, 9, 5).toISOString());
    expect(localDateTimeToIso("")).toBeUndefined();
  });

  it("reads a date as the start of that local day", () => {
    expect(localDayToIso("2026-12-01")).toBe(new Date(2026, 11, 1).toISOString());
  });

  it("passes invalid text on for the server to name", () => {
    expect(localDayToIso("i morgon")).toBe("i morgon");
  });

  it("calls a due day past only after it has ended", () => {
    const today = new Date(2026, 11, 1, 15, 0);
    expect(isPastDay(new Date(2026, 11, 1).toISOString(), today)).toBe(false);
    expect(isPastDay(new Date(2026, 10, 30).toISOString(), today)).toBe(true);
  });
});
