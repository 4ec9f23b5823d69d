import { describe, expect, it } from "vitest";
import { rowVerdicts } from "./row-verdicts";
import type { FieldComparison } from "./types";

const field = (name: string, weight: number): FieldComparison => ({
  field: name,
  level: weight < 0 ? "different" : "exact",
  label: "",
  valueA: "a",
  valueB: "b",
  weight,
});

describe("which rows of a pair the matcher says differ", () => {
  it("marks a row that weighed against the pair as differing, and one that weighed for it as agreeing", () => {
    expect(rowVerdicts([field("email", -1.3), field("birth_date", 5.6)])).toEqual({
      emails: "differs",
      birthDate: "agrees",
    });
  });

  it("lets a differing surname outweigh agreeing given names in the one name row", () => {
    expect(rowVerdicts([field("given_names", 3.3), field("surname", -4)]).names).toBe("differs");
    expect(rowVerdicts([field("surname", -4), field("given_names", 3.3)]).names).toBe("differs");
  });

  it("says nothing of a field missing on one side, nor of a field it does not know", () => {
    expect(rowVerdicts([field("phone", 0), field("shoe_size", -2)])).toEqual({});
  });
});
