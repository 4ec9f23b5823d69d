import { describe, expect, it } from "vitest";
import { cleanName } from "./clean-name";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names";

describe.each([
  ["FEMALE_GIVEN_NAMES", FEMALE_GIVEN_NAMES],
  ["MALE_GIVEN_NAMES", MALE_GIVEN_NAMES],
])("%s", (_, names) => {
  it("holds at least 100 distinct, clean names, most common first, with positive counts", () => {
    expect(names.length).toBeGreaterThanOrEqual(100);
    expect(new Set(names.map(([name]) => name)).size).toBe(names.length);
    names.forEach(([name, count], i) => {
      expect(cleanName(name)).toBe(name);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(names[i - 1]?.[1] ?? count);
    });
  });
});
