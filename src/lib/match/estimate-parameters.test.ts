import { describe, expect, it } from "vitest";
import { SURNAMES as SWEDISH_SURNAMES, seededRandom } from "../se";
import { DEFAULT_MATCH_MODEL } from "./default-match-model";
import { estimateParameters } from "./estimate-parameters";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";

const SURNAMES = SWEDISH_SURNAMES.slice(0, 50).map(([name]) => name);
const GIVEN = ["Anna", "Eva", "Karl", "Lars", "Maria", "Erik", "Sara", "Johan", "Ida", "Nils"];

/**
 * People with one duplicate each, whose fields agree with known probabilities: the personnummer
 * is left out of a tenth of duplicates, the surname changed in a fifth (so m is about 0.8), the
 * birth date kept. Surnames are drawn evenly from 50, so two strangers share one with u 1/50.
 */
function register(people: number): MatchRecord[] {
  const random = seededRandom(42);
  const records: MatchRecord[] = [];
  for (let p = 0; p < people; p++) {
    const year = 1940 + Math.floor(random() * 60);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const base: MatchRecord = {
      id: `p${p}a`,
      givenNames: [GIVEN[Math.floor(random() * GIVEN.length)] as string],
      preferredGivenNames: [],
      surname: SURNAMES[Math.floor(random() * SURNAMES.length)] as string,
      personnummer: `${birthDate.replace(/-/g, "")}${String(p).padStart(4, "0")}`,
      birthDate,
      street: null,
      postnummer: null,
      city: null,
      emails: [],
      phones: [],
    };
    records.push(base, {
      ...base,
      id: `p${p}b`,
      personnummer: random() < 0.1 ? null : base.personnummer,
      surname:
        random() < 0.2 ? (SURNAMES[(SURNAMES.indexOf(base.surname) + 7) % SURNAMES.length] as string) : base.surname,
    });
  }
  return records;
}

const level = (model: MatchModel, field: string, id: string) =>
  model.fields.find((candidate) => candidate.field === field)?.levels.find((candidate) => candidate.id === id);

describe("estimateParameters", () => {
  it("recovers m and u roughly from unlabelled records", () => {
    const records = register(3_000);
    const fitted = estimateParameters(records, DEFAULT_MATCH_MODEL, { seed: 1, randomPairs: 300_000 });
    expect(level(fitted, "surname", "exact")?.m).toBeGreaterThan(0.7);
    expect(level(fitted, "surname", "exact")?.m).toBeLessThan(0.9);
    expect(level(fitted, "surname", "exact")?.u).toBeCloseTo(1 / 50, 2);
    expect(level(fitted, "personnummer", "exact")?.m).toBeGreaterThan(0.9);
    expect(level(fitted, "birth_date", "exact")?.m).toBeGreaterThan(0.95);
    // 3 000 duplicate pairs among 6 000 records.
    expect(fitted.prior).toBeGreaterThan((0.8 * 3_000) / ((6_000 * 5_999) / 2));
    expect(fitted.prior).toBeLessThan((1.2 * 3_000) / ((6_000 * 5_999) / 2));
  });

  it("returns a new model and leaves the one given alone", () => {
    const before = JSON.stringify(DEFAULT_MATCH_MODEL);
    const fitted = estimateParameters(register(200), DEFAULT_MATCH_MODEL, { randomPairs: 10_000 });
    expect(fitted).not.toBe(DEFAULT_MATCH_MODEL);
    expect(JSON.stringify(DEFAULT_MATCH_MODEL)).toBe(before);
    expect(fitted.thresholds).toEqual(DEFAULT_MATCH_MODEL.thresholds);
  });
});
