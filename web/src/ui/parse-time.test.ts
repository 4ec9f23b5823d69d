import { describe, expect, it } from "vitest";
import { parseTime } from "./parse-time";

describe("a time of day typed into a date-time field", () => {
  it("is taken in 24-hour time, the ways Swedes write it", () => {
    expect(parseTime("14:05")).toBe("14:05");
    expect(parseTime(" 14.05 ")).toBe("14:05");
    expect(parseTime("1405")).toBe("14:05");
    expect(parseTime("9:30")).toBe("09:30");
    expect(parseTime("00:00")).toBe("00:00");
    expect(parseTime("23:59")).toBe("23:59");
  });

  it("is refused when the time does not exist, is ambiguous or is written with AM/PM", () => {
    for (const typed of ["24:00", "12:60", "140", "14", "14:5", "2:30 PM", "2 pm", ""]) {
      expect(parseTime(typed)).toBeNull();
    }
  });
});
