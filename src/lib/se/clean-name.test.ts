import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanName } from "./clean-name";

describe("cleanName", () => {
  it("title-cases names written in one case, also after hyphens", () => {
    expect(cleanName("ANNA-KARIN")).toBe("Anna-Karin");
    expect(cleanName("anna-karin svensson")).toBe("Anna-Karin Svensson");
    expect(cleanName("ÅSA ÖBERG")).toBe("Åsa Öberg");
    expect(cleanName("o'brien")).toBe("O'Brien");
  });

  it("keeps particles lower case in front of the name they belong to", () => {
    expect(cleanName("af klint")).toBe("af Klint");
    expect(cleanName("HILMA AF KLINT")).toBe("Hilma af Klint");
    expect(cleanName("carl von essen")).toBe("Carl von Essen");
    expect(cleanName("VAN DER BERG")).toBe("van der Berg");
    expect(cleanName("DU")).toBe("Du");
  });

  it("keeps a person's own mixed casing", () => {
    expect(cleanName("McDonald")).toBe("McDonald");
    expect(cleanName("DiCaprio")).toBe("DiCaprio");
    expect(cleanName("af Klint")).toBe("af Klint");
    expect(cleanName("anna SVENSSON")).toBe("anna SVENSSON");
  });

  it("trims, collapses whitespace of any kind and composes to NFC", () => {
    expect(cleanName("  Anna \t\u00a0 Svensson \n")).toBe("Anna Svensson");
    expect(cleanName("A\u030asa")).toBe("\u00c5sa");
    expect(cleanName("")).toBe("");
  });

  it("leaves a ß alone rather than turning it into SS", () => {
    expect(cleanName("ßa")).toBe("ßa");
  });

  it("is idempotent", () => {
    const nameLike = fc.stringMatching(/^[a-zA-ZåäöÅÄÖéü' -]{0,30}$/u);
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string(), fc.string({ unit: "binary" })), (input) => {
        const once = cleanName(input);
        return cleanName(once) === once;
      }),
      { numRuns: 2_000 },
    );
  });
});
