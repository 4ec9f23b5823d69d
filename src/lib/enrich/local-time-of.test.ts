import { describe, expect, it } from "vitest";
import { localTimeOf } from "./local-time-of";

describe("localTimeOf", () => {
  it("gives winter time in Stockholm as UTC+1", () => {
    expect(localTimeOf(new Date("2025-01-15T07:30:00Z"), "Europe/Stockholm")).toEqual({
      timeZone: "Europe/Stockholm",
      localHour: 8,
      weekday: 3,
      localDate: "2025-01-15",
    });
  });

  it("follows Stockholm across the spring-forward and fall-back changes", () => {
    // 2025-03-30: 02:00 CET becomes 03:00 CEST, at 01:00 UTC.
    expect(localTimeOf(new Date("2025-03-30T00:59:59Z"), "Europe/Stockholm")?.localHour).toBe(1);
    expect(localTimeOf(new Date("2025-03-30T01:00:00Z"), "Europe/Stockholm")?.localHour).toBe(3);
    // 2025-10-26: 03:00 CEST becomes 02:00 CET, at 01:00 UTC; the hour 02 happens twice.
    expect(localTimeOf(new Date("2025-10-26T00:30:00Z"), "Europe/Stockholm")?.localHour).toBe(2);
    expect(localTimeOf(new Date("2025-10-26T01:30:00Z"), "Europe/Stockholm")?.localHour).toBe(2);
    expect(localTimeOf(new Date("2025-10-26T02:30:00Z"), "Europe/Stockholm")?.localHour).toBe(3);
  });

  it("gives the same answers when asked minute by minute through a change as when asked afresh", () => {
    for (let minute = -90; minute <= 90; minute++) {
      const at = new Date(Date.UTC(2025, 2, 30, 1, minute));
      const expected = at.getTime() >= Date.UTC(2025, 2, 30, 1) ? 2 : 1;
      const local = localTimeOf(at, "Europe/Stockholm");
      expect(local?.localHour).toBe((at.getUTCHours() + expected) % 24);
    }
  });

  it("turns the date and ISO weekday over at local midnight, not at UTC midnight", () => {
    expect(localTimeOf(new Date("2025-06-01T22:30:00Z"), "Europe/Stockholm")).toMatchObject({
      localDate: "2025-06-02",
      weekday: 1,
      localHour: 0,
    });
    expect(localTimeOf(new Date("2025-06-01T22:30:00Z"), "UTC")).toMatchObject({ localDate: "2025-06-01", weekday: 7 });
    expect(localTimeOf(new Date("2025-06-02T03:00:00Z"), "America/New_York")).toMatchObject({
      localDate: "2025-06-01",
      localHour: 23,
      weekday: 7,
    });
  });

  it("handles zones with half-hour offsets", () => {
    expect(localTimeOf(new Date("2025-01-15T00:00:00Z"), "Asia/Kolkata")?.localHour).toBe(5);
  });

  it("falls back to Stockholm, or the given fallback, for a missing or unknown zone", () => {
    const at = new Date("2025-01-15T07:30:00Z");
    expect(localTimeOf(at, "Mars/Olympus_Mons")?.timeZone).toBe("Europe/Stockholm");
    expect(localTimeOf(at, null)?.timeZone).toBe("Europe/Stockholm");
    expect(localTimeOf(at, "", "Europe/Helsinki")).toMatchObject({ timeZone: "Europe/Helsinki", localHour: 9 });
    expect(localTimeOf(at, "nonsense", "also nonsense")).toBeNull();
  });

  it("writes the zone's canonical name whatever case it came in", () => {
    expect(localTimeOf(new Date("2025-01-15T07:30:00Z"), "europe/stockholm")?.timeZone).toBe("Europe/Stockholm");
  });

  it("gives null for an invalid instant", () => {
    expect(localTimeOf(new Date(Number.NaN), "Europe/Stockholm")).toBeNull();
  });
});
