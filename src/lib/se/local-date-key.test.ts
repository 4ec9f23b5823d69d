import { afterEach, describe, expect, it, vi } from "vitest";
import { localDateKey } from "./local-date-key";

afterEach(() => {
  vi.useRealTimers();
});

describe("localDateKey", () => {
  it("reads a given date in local time", () => {
    expect(localDateKey(new Date(2025, 0, 31, 23, 59))).toBe(20250131);
  });

  it("follows the clock across midnight", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 11, 31, 23, 59, 59));
    expect(localDateKey()).toBe(20251231);
    vi.setSystemTime(new Date(2026, 0, 1, 0, 0, 1));
    expect(localDateKey()).toBe(20260101);
  });
});
