import { describe, expect, it } from "vitest";
import { cleanName } from "./clean-name";
import { SURNAMES } from "./surnames";

describe("SURNAMES", () => {
  it("holds at least 150 distinct, clean surnames, most common first, with positive counts", () => {
    expect(SURNAMES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(SURNAMES.map(([name]) => name)).size).toBe(SURNAMES.length);
    SURNAMES.forEach(([name, count], i) => {
      expect(cleanName(name)).toBe(name);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(SURNAMES[i - 1]?.[1] ?? count);
    });
  });

  it("starts with the -son names that dominate the register", () => {
    expect(SURNAMES.slice(0, 3).map(([name]) => name)).toEqual(["Andersson", "Johansson", "Karlsson"]);
  });
});
