import { describe, expect, it } from "vitest";
import { dateTimeProblem, joinDateTime, splitDateTime } from "./date-time-value";

describe("a date-time field's value", () => {
  it("is the datetime-local text once both the day and the time are given, and empty when neither is", () => {
    expect(joinDateTime("2026-03-02", "14.05")).toBe("2026-03-02T14:05");
    expect(joinDateTime("", " ")).toBe("");
    expect(splitDateTime("2026-03-02T14:05")).toEqual({ day: "2026-03-02", time: "14:05" });
    expect(splitDateTime("")).toEqual({ day: "", time: "" });
    expect(dateTimeProblem("2026-03-02T14:05")).toBeUndefined();
    expect(dateTimeProblem("")).toBeUndefined();
  });

  it("says which half is missing or unreadable, instead of passing as empty", () => {
    expect(joinDateTime("2026-03-02", "")).toBe("2026-03-02T");
    expect(dateTimeProblem("2026-03-02T")).toBe("timeMissing");
    expect(dateTimeProblem(joinDateTime("", "14:05"))).toBe("dayMissing");
    expect(dateTimeProblem(joinDateTime("2026-03-02", "2:30 PM"))).toBe("timeFormat");
    expect(splitDateTime(joinDateTime("2026-03-02", "2:30 PM")).time).toBe("2:30 PM");
  });
});
