import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greetingName } from "./greeting-name";

describe("greetingName", () => {
  it("uses the marked name", () => {
    expect(greetingName("Karl Stig Emanuel", [1])).toEqual({ name: "Karl", uncertain: false });
    expect(greetingName("Karl Stig Emanuel", [2])).toEqual({ name: "Stig", uncertain: false });
    expect(greetingName("Anna-Karin Maria", [2])).toEqual({ name: "Karin", uncertain: false });
  });

  it("keeps the hyphen between marked parts of one hyphenated name and a space otherwise", () => {
    expect(greetingName("Anna-Karin Maria", [1, 2])).toEqual({ name: "Anna-Karin", uncertain: false });
    expect(greetingName("Anna-Karin Maria", [1, 3])).toEqual({ name: "Anna Maria", uncertain: false });
    expect(greetingName("Anna-Karin Maria", [2, 3])).toEqual({ name: "Karin Maria", uncertain: false });
    expect(greetingName("Maria Anna-Karin", [2, 3])).toEqual({ name: "Anna-Karin", uncertain: false });
    expect(greetingName("Per Anna-Karin-Lisa", [2, 4])).toEqual({ name: "Anna Lisa", uncertain: false });
  });

  it("guesses the first whole name without a marking, and says so", () => {
    expect(greetingName("Anna-Karin Maria", null)).toEqual({ name: "Anna-Karin", uncertain: true });
    expect(greetingName("Karl Stig Emanuel", undefined)).toEqual({ name: "Karl", uncertain: true });
    expect(greetingName("Karl Stig Emanuel", [])).toEqual({ name: "Karl", uncertain: true });
  });

  it("guesses too when the marking does not fit the names", () => {
    expect(greetingName("Karl Stig", [3])).toEqual({ name: "Karl", uncertain: true });
    expect(greetingName("Karl Stig", [0])).toEqual({ name: "Karl", uncertain: true });
    expect(greetingName("Karl Stig", [1, 1])).toEqual({ name: "Karl", uncertain: true });
  });

  it("is certain about someone with a single given name", () => {
    expect(greetingName("  Anna ", null)).toEqual({ name: "Anna", uncertain: false });
  });

  it("never returns an empty name for names that are not blank", () => {
    const marking = fc.option(fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.string(), marking, (names, preferred) => {
        if (names.trim() === "") return true;
        return greetingName(names, preferred).name.length > 0;
      }),
      { numRuns: 2_000 },
    );
  });

  it("returns only text from the given names", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-zÅÄÖåäö -]{1,30}$/),
        fc.array(fc.integer({ min: 1, max: 4 })),
        (names, preferred) => {
          const { name } = greetingName(names, preferred);
          return name.split(" ").every((word) => names.includes(word));
        },
      ),
    );
  });
});
