import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_MODEL } from "./default-match-model";
import type { PairScore } from "./pair-score";
import { scorePair } from "./score-pair";
import { termFrequenciesFromCounts } from "./term-frequencies";
import { person } from "./test-records";

const levelOf = (score: PairScore, field: string) => score.fields.find((entry) => entry.field === field)?.level;
const weightOf = (score: PairScore, field: string) => score.fields.find((entry) => entry.field === field)?.weight ?? 0;

describe("scorePair", () => {
  it("merges Karl Stig Emanuel, called Stig, with a record that says only Stig and has the same personnummer", () => {
    const full = person({ id: "a" });
    const called = person({ id: "b", givenNames: ["Stig"], preferredGivenNames: [], emails: [], phones: [] });
    const score = scorePair(full, called, DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "given_names")).toBe("preferred");
    expect(score.outcome).toBe("auto_merge");
  });

  it("merges a record that took the first given name instead of the preferred one only on the same personnummer", () => {
    const full = person({ id: "a" });
    const first = { givenNames: ["Karl"], preferredGivenNames: [], street: "Ekvägen 3" };
    const withNumber = scorePair(full, person({ id: "b", ...first }), DEFAULT_MATCH_MODEL);
    expect(levelOf(withNumber, "given_names")).toBe("first_for_preferred");
    expect(withNumber.outcome).toBe("auto_merge");
    const withoutNumber = scorePair(full, person({ id: "b", ...first, personnummer: null }), DEFAULT_MATCH_MODEL);
    expect(withoutNumber.outcome).toBe("review");
  });

  it("reads Kalle as Karl", () => {
    const karl = person({ id: "a", givenNames: ["Karl"], preferredGivenNames: [] });
    const kalle = person({ id: "b", givenNames: ["Kalle"], preferredGivenNames: [] });
    const score = scorePair(karl, kalle, DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "given_names")).toBe("nickname");
    expect(weightOf(score, "given_names")).toBeGreaterThan(0);
  });

  it("takes two swapped digits in a personnummer for a slip, not for another person", () => {
    const right = person({ id: "a" });
    // 19850312-9812 with the 1 and 2 of the day swapped: the check digit no longer fits.
    const slipped = person({ id: "b", personnummer: "198503219812" });
    const score = scorePair(right, slipped, DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "personnummer")).toBe("transposed");
    expect(weightOf(score, "personnummer")).toBeGreaterThan(10);
  });

  it("counts a different valid personnummer strongly against", () => {
    const score = scorePair(
      person({ id: "a" }),
      person({ id: "b", personnummer: "198503129804" }),
      DEFAULT_MATCH_MODEL,
    );
    expect(levelOf(score, "personnummer")).toBe("different");
    expect(weightOf(score, "personnummer")).toBeLessThan(-4);
    expect(score.outcome).not.toBe("auto_merge");
  });

  it("never merges twins: same surname, address and birth date, other given name", () => {
    const anna = person({
      id: "a",
      givenNames: ["Anna", "Maria"],
      preferredGivenNames: ["Anna"],
      emails: [],
      phones: [],
    });
    const twin = { givenNames: ["Sara", "Maria"], preferredGivenNames: ["Sara"], emails: [], phones: [] };
    const withNumbers = scorePair(
      anna,
      person({ id: "b", ...twin, personnummer: "198503129804" }),
      DEFAULT_MATCH_MODEL,
    );
    expect(withNumbers.outcome).toBe("distinct");
    const withoutNumber = scorePair(anna, person({ id: "b", ...twin, personnummer: null }), DEFAULT_MATCH_MODEL);
    expect(withoutNumber.outcome).not.toBe("auto_merge");
  });

  it("never merges a parent and a child of the same name at the same address", () => {
    const father = person({ id: "a", emails: [], phones: [] });
    const son = person({ id: "b", personnummer: null, birthDate: "2012-06-01", emails: [], phones: [] });
    expect(scorePair(father, son, DEFAULT_MATCH_MODEL).outcome).toBe("distinct");
    const sonWithoutBirthDate = person({ id: "c", personnummer: null, birthDate: null, emails: [], phones: [] });
    expect(scorePair(father, sonWithoutBirthDate, DEFAULT_MATCH_MODEL).outcome).not.toBe("auto_merge");
  });

  it("weighs given names at one address as between strangers when the surnames differ, and keeps a namesake daughter apart", () => {
    const before = {
      givenNames: ["Margareta", "Maja"],
      preferredGivenNames: [],
      surname: "Mohamed",
      personnummer: null,
      birthDate: "1987-06-11",
      emails: [],
      phones: [],
    };
    const married = person({ id: "a", ...before, surname: "Johansson", birthDate: null });
    const score = scorePair(person({ id: "b", ...before }), married, DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "surname")).toBe("different");
    expect(score.fields.find((field) => field.field === "given_names")?.label).toContain("different surnames");
    // Weighed as a household, where a namesake child is common, her given names counted for
    // little; between people of different surnames they count as between strangers.
    const householdOnly = structuredClone(DEFAULT_MATCH_MODEL);
    for (const field of householdOnly.fields) delete field.sameAddressOtherSurnameU;
    const asHousehold = scorePair(person({ id: "b", ...before }), married, householdOnly);
    expect(weightOf(score, "given_names") - weightOf(asHousehold, "given_names")).toBeGreaterThan(2);
    const daughter = person({ id: "c", ...before, birthDate: "2012-02-01" });
    expect(scorePair(person({ id: "b", ...before }), daughter, DEFAULT_MATCH_MODEL).outcome).toBe("distinct");
  });

  it("keeps two people with a very common name and nothing else in common apart", () => {
    const common = { givenNames: ["Anna"], preferredGivenNames: [], surname: "Andersson", personnummer: null };
    const a = person({ id: "a", ...common, birthDate: "1970-01-05", emails: ["anna1@example.com"], phones: [] });
    const b = person({
      id: "b",
      ...common,
      birthDate: "1991-08-22",
      street: "Ekvägen 3",
      postnummer: "41101",
      city: "Göteborg",
      emails: ["anna2@example.net"],
      phones: [],
    });
    expect(scorePair(a, b, DEFAULT_MATCH_MODEL).outcome).toBe("distinct");
  });

  it("weighs agreement on a rare surname above agreement on a common one", () => {
    const tf = termFrequenciesFromCounts({
      surname: new Map([
        ["Andersson", 5000],
        ["Wahlström", 10],
      ]),
      givenName: new Map(),
      total: 100_000,
    });
    const pair = (surname: string) =>
      scorePair(
        person({ id: "a", surname, personnummer: null }),
        person({ id: "b", surname, personnummer: null, street: "Ekvägen 3" }),
        DEFAULT_MATCH_MODEL,
        tf,
      );
    const common = pair("Andersson").fields.find((entry) => entry.field === "surname");
    const rare = pair("Wahlström").fields.find((entry) => entry.field === "surname");
    expect(common?.level).toBe("exact");
    expect(rare?.weight ?? 0).toBeGreaterThan((common?.weight ?? 0) + 5);
  });

  it("sees å, ä and ö written without their marks", () => {
    const score = scorePair(
      person({ id: "a", givenNames: ["Åsa"], preferredGivenNames: [], surname: "Bäckström" }),
      person({ id: "b", givenNames: ["Asa"], preferredGivenNames: [], surname: "Baeckstroem" }),
      DEFAULT_MATCH_MODEL,
    );
    expect(levelOf(score, "given_names")).toBe("fold_equal");
    expect(levelOf(score, "surname")).toBe("fold_equal");
  });

  it("recognises given name and surname written in each other's place", () => {
    const score = scorePair(
      person({ id: "a" }),
      person({ id: "b", givenNames: ["Lindqvist"], preferredGivenNames: [], surname: "Stig" }),
      DEFAULT_MATCH_MODEL,
    );
    expect(levelOf(score, "given_names")).toBe("swapped_with_surname");
    expect(score.outcome).toBe("auto_merge");
  });

  it("finds one surname inside the other's double surname", () => {
    const score = scorePair(person({ id: "a" }), person({ id: "b", surname: "Lindqvist Berg" }), DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "surname")).toBe("double_surname");
  });

  it("reads an abbreviated street as the same address", () => {
    const score = scorePair(person({ id: "a" }), person({ id: "b", street: "Storg. 12" }), DEFAULT_MATCH_MODEL);
    expect(levelOf(score, "address")).toBe("same_address");
  });

  it("takes a birth date with day and month swapped as one part differing", () => {
    const score = scorePair(
      person({ id: "a", personnummer: null }),
      person({ id: "b", personnummer: null, birthDate: "1985-12-03" }),
      DEFAULT_MATCH_MODEL,
    );
    expect(levelOf(score, "birth_date")).toBe("one_part_differs");
  });

  it("gives the probability that matches the weight", () => {
    const score = scorePair(person({ id: "a" }), person({ id: "b" }), DEFAULT_MATCH_MODEL);
    expect(score.probability).toBeCloseTo(1 / (1 + 2 ** -score.weight), 12);
    expect(score.a).toBe("a");
    expect(score.b).toBe("b");
  });
});
