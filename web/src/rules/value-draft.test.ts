import { describe, expect, it } from "vitest";
import { defaultValue, draftValue, instantOf, localOf, sentValue } from "./value-draft";

describe("a comparison's value between its inputs and the API", () => {
  it("sends nothing for a number not typed yet, and reads a Swedish decimal comma in a list", () => {
    expect(sentValue("", "number", "gt")).toBeUndefined();
    expect(sentValue(12.5, "kronor", "gte")).toBe(12.5);
    expect(sentValue(["3", "4,5"], "number", "in")).toEqual([3, 4.5]);
    expect(sentValue(["lead"], "choice", "not_in")).toEqual(["lead"]);
  });

  it("sends a local time as the instant it names, and shows a stored instant in local time", () => {
    const instant = instantOf("2026-11-22T09:05");
    expect(instant).toBe(new Date(2026, 10, 22, 9, 5).toISOString().replace(".000Z", "Z"));
    expect(localOf(instant ?? "")).toBe("2026-11-22T09:05");
    expect(draftValue(["2026-01-01T00:00:00Z", instant], "timestamp", "between")).toEqual([
      localOf("2026-01-01T00:00:00Z"),
      "2026-11-22T09:05",
    ]);
  });

  it("starts each shape of value empty, a boolean as yes and a span as 30 days", () => {
    expect(defaultValue("boolean", "eq")).toBe(true);
    expect(defaultValue("timestamp", "within_last")).toEqual({ amount: 30, unit: "days" });
    expect(defaultValue("number", "between")).toEqual(["", ""]);
    expect(defaultValue("text", "is_set")).toBeNull();
  });
});
