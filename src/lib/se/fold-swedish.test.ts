import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldSwedish } from "./fold-swedish";

describe("foldSwedish", () => {
  it("folds Swedish and neighbouring letters to plain ones", () => {
    expect(foldSwedish("Åsa Öberg-Ärlig")).toBe("asa oberg arlig");
    expect(foldSwedish("Bjørn Sæther")).toBe("bjorn sather");
    expect(foldSwedish("Müller Renée")).toBe("muller renee");
    expect(foldSwedish("Łukasz Groß")).toBe("lukasz gross");
    expect(foldSwedish("A\u030asa")).toBe("asa");
  });

  it("drops what is not a letter and keeps single spaces between words", () => {
    expect(foldSwedish("  O'Brien,  Anna-Karin\t2nd ")).toBe("obrien anna karin nd");
    expect(foldSwedish("Anna\nKarin")).toBe("anna karin");
    expect(foldSwedish("123 !?")).toBe("");
  });

  it("gives only lower-case ASCII letters and single inner spaces for Latin input", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ÿ '-]{0,40}$/), (input) =>
        /^(?:[a-z]+(?: [a-z]+)*)?$/.test(foldSwedish(input)),
      ),
    );
  });

  it("is idempotent and never leaves edge spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        const once = foldSwedish(input);
        return foldSwedish(once) === once && once === once.trim() && !once.includes("  ");
      }),
    );
  });
});
