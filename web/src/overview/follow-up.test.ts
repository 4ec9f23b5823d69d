import { describe, expect, it } from "vitest";
import { followUpCutoff, followUpSearch, neverContactedSearch } from "./follow-up";

describe("the customers due a word", () => {
  it("counts ninety local days back, across month and year ends", () => {
    expect(followUpCutoff(new Date(2026, 10, 24, 9, 30))).toBe("2026-08-26");
    expect(followUpCutoff(new Date(2026, 0, 15, 23, 59))).toBe("2025-10-17");
    expect(followUpCutoff(new Date(2024, 4, 30), 90)).toBe("2024-03-01");
  });

  it("opens the seller's own list, the longest ago first", () => {
    expect(followUpSearch("u1", "2026-08-26")).toEqual({
      owner: "u1",
      filter: ["lastContactAt:lt:2026-08-26", "nextContactAt:empty"],
      sort: "lastContactAt",
    });
    expect(neverContactedSearch("u1")).toEqual({
      owner: "u1",
      filter: ["lastContactAt:empty", "nextContactAt:empty"],
      sort: "createdAt",
    });
  });
});
