import { describe, expect, it } from "vitest";
import type { Person } from "../register/types";
import { orientComparison } from "./orient-comparison";
import type { FieldComparison } from "./types";

const person = (surname: string, birthDate: string) => ({ surname, birthDate }) as Person;
const field = (name: string, valueA: string, valueB: string): FieldComparison => ({
  field: name,
  level: "different",
  label: "different",
  valueA,
  valueB,
  weight: -1,
});

describe("the matcher's values, left record first", () => {
  const father = person("Holm", "1961-05-05");
  const son = person("Holm", "1991-05-05");

  it("turns every field round when the birth dates came right record first", () => {
    const oriented = orientComparison(
      [field("birth_date", "1991-05-05", "1961-05-05"), field("email", "son@example.se", "far@example.se")],
      father,
      son,
    );
    expect(oriented.map((value) => [value.valueA, value.valueB])).toEqual([
      ["1961-05-05", "1991-05-05"],
      ["far@example.se", "son@example.se"],
    ]);
  });

  it("leaves values that already come left record first", () => {
    const comparison = [field("birth_date", "1961-05-05", "1991-05-05")];
    expect(orientComparison(comparison, father, son)).toBe(comparison);
  });

  it("leaves the order when nothing tells it, as when surname and birth date agree", () => {
    const comparison = [field("surname", "Holm", "Holm"), field("email", "b@example.se", "a@example.se")];
    expect(orientComparison(comparison, person("Holm", "1961-05-05"), person("Holm", "1961-05-05"))).toBe(comparison);
  });
});
