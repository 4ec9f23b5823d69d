import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { describeComparison } from "./describe-comparison";

describe("a field of the matcher's comparison in Swedish", () => {
  it("names the field and the level, and shows the two values it compared", () => {
    const words = describeComparison(
      {
        field: "given_names",
        level: "preferred",
        label: "same preferred name, weighed as at one address",
        valueA: "Asa",
        valueB: "Åsa Maria (called Åsa)",
        weight: 3.3,
      },
      sv,
    );
    expect(words).toEqual({
      field: "Förnamn",
      level: "samma tilltalsnamn",
      values: "Asa ~ Åsa Maria (tilltal Åsa)",
      household: true,
    });
  });

  it("words a level by its field where the field gives it its meaning, and shows a shared value once", () => {
    const words = describeComparison(
      { field: "email", level: "exact", label: "same address", valueA: "a@b.se", valueB: "a@b.se", weight: 20 },
      sv,
    );
    expect(words).toMatchObject({ field: "E-post", level: "samma adress", values: "a@b.se", household: false });
  });

  it("reads the household note in either of the matcher's wordings, and leaves it out of its own words", () => {
    const level = (label: string) =>
      describeComparison({ field: "surname", level: "close", label, valueA: "Holm", valueB: "Holm", weight: 1 }, sv);
    expect(level("close, weighed as at one address")).toMatchObject({ level: "close", household: true });
    expect(level("close (weighed as within one household)")).toMatchObject({ level: "close", household: true });
    expect(level("close")).toMatchObject({ level: "close", household: false });
  });

  it("falls back to the matcher's own words for a field or level it does not know", () => {
    const words = describeComparison(
      { field: "shoe_size", level: "close", label: "within one size", valueA: null, valueB: "42", weight: 1 },
      sv,
    );
    expect(words).toEqual({ field: "shoe size", level: "within one size", values: null, household: false });
  });
});
