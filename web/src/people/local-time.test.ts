import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("local times from inputs in Stockholm", () => {
  // The tests run in Node, whose local zone follows TZ; the web app's own types know no `process`.
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const zone = env.TZ;
  beforeAll(() => {
    env.TZ = "Europe/Stockholm";
  });
  afterAll(() => {
    if (zone === undefined) delete env.TZ;
    else env.TZ = zone;
  });

  it("sends a time with its offset, in summer as in winter", () => {
    expect(localDateTimeToIso("2026-03-02T14:05")).toBe("2026-03-02T13:05:00.000Z");
    expect(localDateTimeToIso("2026-07-01T09:30")).toBe("2026-07-01T07:30:00.000Z");
  });

  it("sends a time the clocks skip as written, for the server to refuse by name", () => {
    expect(localDateTimeToIso("2026-03-29T02:30")).toBe("2026-03-29T02:30");
    expect(localDateTimeToIso("2026-03-29T03:00")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("sends a year before 1000 on, for the server to refuse by name", () => {
    expect(localDateTimeToIso("0999-05-01T10:00")).toMatch(/^0999-05-01T/);
  });
});
