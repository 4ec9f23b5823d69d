import { describe, expect, it } from "vitest";
import { parsePostnummer } from "./parse-postnummer";
import { STREET_STEMS, TOWNS } from "./places";

describe("TOWNS", () => {
  it("holds at least 60 distinct towns whose prefixes make valid postnummer", () => {
    expect(TOWNS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TOWNS.map((town) => town.name)).size).toBe(TOWNS.length);
    for (const town of TOWNS) {
      expect(town.postnummerPrefix).toMatch(/^\d{3}$/);
      expect(parsePostnummer(`${town.postnummerPrefix}30`).ok, town.name).toBe(true);
      expect(town.municipality.length).toBeGreaterThan(0);
    }
  });
});

describe("STREET_STEMS", () => {
  it("holds distinct street names", () => {
    expect(STREET_STEMS).toContain("Storgatan");
    expect(new Set(STREET_STEMS).size).toBe(STREET_STEMS.length);
  });
});
