import { describe, expect, it } from "vitest";
import { RegisterOutcome } from "./register-outcome";

describe("RegisterOutcome", () => {
  // Records 0–1 merged, 2–4 merged, 5 and 6 alone; review pairs 1–3 (between the two clusters),
  // 0–1 (inside a cluster) and 5–6.
  const outcome = new RegisterOutcome(
    7,
    [
      { a: 1, b: 3, outcome: "review" },
      { a: 0, b: 1, outcome: "review" },
      { a: 5, b: 6, outcome: "review" },
      { a: 4, b: 6, outcome: "distinct" },
    ],
    [
      [0, 1],
      [4, 2, 3],
    ],
  );

  it("calls the records of a cluster one person and a review pair one question about two people", () => {
    expect(outcome.decision(0, 1)).toBe("auto_merge");
    expect(outcome.decision(2, 4)).toBe("auto_merge");
    // Deciding the question 1–3 merges 0 and 1 with 2, 3 and 4.
    expect(outcome.decision(0, 4)).toBe("review");
    expect(outcome.decision(2, 1)).toBe("review");
    expect(outcome.decision(5, 6)).toBe("review");
    expect(outcome.decision(4, 6)).toBe("distinct");
    expect(outcome.decision(0, 5)).toBe("distinct");
  });

  it("lists each decided group of record pairs once", () => {
    const groups = [...outcome.decidedGroups()].map(({ left, right }) => [
      [...left].sort(),
      right && [...right].sort(),
    ]);
    expect(groups).toEqual([
      [[0, 1], null],
      [[2, 3, 4], null],
      [
        [0, 1],
        [2, 3, 4],
      ],
      [[5], [6]],
    ]);
  });
});
