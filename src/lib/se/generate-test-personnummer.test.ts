import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShortPersonnummer } from "./format-short-personnummer";
import { generateTestPersonnummer } from "./generate-test-personnummer";
import { isTestPersonnummer } from "./is-test-personnummer";
import { parsePersonnummer } from "./parse-personnummer";
import { seededRandom } from "./seeded-random";

const END_OF_2099 = new Date(2099, 11, 31);

const options = fc.record(
  {
    birthYearFrom: fc.integer({ min: 1800, max: 2099 }),
    birthYearTo: fc.integer({ min: 1800, max: 2099 }),
    sex: fc.constantFrom("female" as const, "male" as const),
    samordning: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("generateTestPersonnummer", () => {
  it("parses back to itself in its 12-digit, formatted and 10-digit forms", () => {
    fc.assert(
      fc.property(fc.integer(), options, (seed, opts) => {
        const generated = generateTestPersonnummer(seededRandom(seed), opts);
        const forms = [generated.normalized, generated.formatted];
        const short = formatShortPersonnummer(generated.normalized, END_OF_2099);
        if (short !== null) forms.push(short);
        for (const form of forms) {
          expect(parsePersonnummer(form, END_OF_2099)).toEqual({ ok: true, value: generated });
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("keeps to the options and to the test serial range", () => {
    fc.assert(
      fc.property(fc.integer(), options, (seed, opts) => {
        const generated = generateTestPersonnummer(seededRandom(seed), opts);
        const year = Number(generated.birthDate.slice(0, 4));
        const from = opts.birthYearFrom ?? 1940;
        const to = opts.birthYearTo ?? 2005;
        expect(year).toBeGreaterThanOrEqual(Math.min(from, to));
        expect(year).toBeLessThanOrEqual(Math.max(from, to));
        if (opts.sex) expect(generated.sex).toBe(opts.sex);
        expect(generated.kind).toBe(opts.samordning ? "samordningsnummer" : "personnummer");
        expect(isTestPersonnummer(generated.normalized)).toBe(true);
      }),
    );
  });

  it("is deterministic for a given random source", () => {
    const a = Array.from(
      { length: 3 },
      (
        (random) => () =>
          generateTestPersonnummer(random)
      )(seededRandom(9)),
    );
    const b = Array.from(
      { length: 3 },
      (
        (random) => () =>
          generateTestPersonnummer(random)
      )(seededRandom(9)),
    );
    expect(a).toEqual(b);
  });

  it("survives a random source that breaks its contract and nonsense options", () => {
    const generated = generateTestPersonnummer(() => 1, { birthYearFrom: Number.NaN, birthYearTo: 3000 });
    expect(parsePersonnummer(generated.normalized, END_OF_2099).ok).toBe(true);
    expect(generated.birthDate.slice(0, 4)).toBe("2099");
  });
});
