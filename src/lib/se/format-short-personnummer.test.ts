import { describe, expect, it } from "vitest";
import { formatShortPersonnummer } from "./format-short-personnummer";

const TODAY = new Date(2025, 5, 15);

describe("formatShortPersonnummer", () => {
  it("uses '-' under 100 and '+' from the year of the 100th birthday", () => {
    expect(formatShortPersonnummer("201212121212", TODAY)).toBe("121212-1212");
    expect(formatShortPersonnummer("192612121212", TODAY)).toBe("261212-1212");
    expect(formatShortPersonnummer("192512121212", TODAY)).toBe("251212+1212");
    expect(formatShortPersonnummer("182612121212", TODAY)).toBe("261212+1212");
  });

  it("gives null when the short form cannot carry the century", () => {
    expect(formatShortPersonnummer("182512121212", TODAY)).toBeNull();
    expect(formatShortPersonnummer("202612121212", TODAY)).toBeNull();
    expect(formatShortPersonnummer("20121212-1212", TODAY)).toBeNull();
  });
});
