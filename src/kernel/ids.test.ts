import { describe, expect, it } from "vitest";
import { uuidv7, uuidv7Time, ZUuid } from "./ids";

describe("uuidv7", () => {
  it("is a version 7, variant 1 UUID carrying its creation time", () => {
    const at = Date.parse("2026-03-02T10:00:00Z");
    const id = uuidv7(at);
    expect(id).toMatch(ZUuid);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
    expect(uuidv7Time(id)).toBe(at);
  });

  it("sorts in creation order, also within one millisecond", () => {
    const at = Date.parse("2026-03-02T10:00:00Z");
    const ids = Array.from({ length: 5_000 }, () => uuidv7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
