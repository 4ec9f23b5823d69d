import { describe, expect, it } from "vitest";
import { toEpochMs } from "./to-epoch-ms";

describe("toEpochMs", () => {
  const at = Date.parse("2026-03-29T01:30:00.500Z");

  it("reads Dates, ISO strings and PostgreSQL's text form to the same instant", () => {
    expect(toEpochMs(new Date(at))).toBe(at);
    expect(toEpochMs("2026-03-29T01:30:00.500Z")).toBe(at);
    expect(toEpochMs("2026-03-29T03:30:00.5+02:00")).toBe(at);
    expect(toEpochMs("2026-03-29 03:30:00.5+02")).toBe(at);
    expect(toEpochMs("2026-03-29 07:00:00.5+05:30")).toBe(at);
  });

  it("reads anything else as no value", () => {
    for (const value of [null, undefined, at, "yesterday", new Date(Number.NaN), {}])
      expect(toEpochMs(value)).toBeNull();
  });
});
