import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { describeWindow } from "./describe-window";

describe("a channel preference's window in words", () => {
  it("names a run of weekdays by its ends, and scattered days one by one", () => {
    expect(describeWindow({ days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" }, sv.preferences)).toBe(
      "mån–fre 08:00–17:00",
    );
    expect(describeWindow({ days: [7, 6], from: "10:00", to: "14:00" }, sv.preferences)).toBe("lör, sön 10:00–14:00");
    expect(describeWindow({ days: [1, 3, 5], from: "18:00", to: "20:00" }, sv.preferences)).toBe(
      "mån, ons, fre 18:00–20:00",
    );
  });

  it("says any time when the person gave no hours", () => {
    expect(describeWindow(null, sv.preferences)).toBe("när som helst");
  });
});
