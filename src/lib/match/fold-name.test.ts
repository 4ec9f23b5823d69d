import { describe, expect, it } from "vitest";
import { foldName } from "./fold-name";

describe("foldName", () => {
  it("treats å, ä and ö written plainly or as two letters as the same name", () => {
    expect(foldName("Åsa")).toBe(foldName("Asa"));
    expect(foldName("Åsa")).toBe(foldName("Aasa"));
    expect(foldName("Björn")).toBe(foldName("Bjoern"));
    expect(foldName("Bäckström")).toBe(foldName("Baeckstroem"));
  });

  it("keeps distinct names distinct", () => {
    expect(foldName("Anna")).not.toBe(foldName("Anne"));
  });
});
