import type { CompiledModel } from "./compile-model";

export interface FittedParameters {
  /** Per field, per comparator level: the share of matching pairs at that level, null levels excluded. */
  m: Float64Array[];
  /** Per field with `sameAddressU`: u among different people at one address, else null. */
  sameAddressU: (Float64Array | null)[];
  /** The expected number of matching pairs among those counted. */
  expectedMatches: number;
  iterations: number;
}

/**
 * Expectation-maximisation for a two-class mixture over comparison patterns (each a vector of
 * levels, with how many pairs had it): matches with m, non-matches with their own u, levels
 * independent within a class. Starts from the model's m. Null levels (a value missing)
 * count in neither class. For two records at one address, the non-matches are people living
 * together, with their own u (`sameAddressU`, fitted here too, the model's values counting as 50
 * pairs of prior evidence): without that, a father and a son of one name look like one person
 * with a mistyped birth date, and m learns the mistake. People at one address with different
 * surnames are a class of their own for the fields that have `sameAddressOtherSurnameU`, with the
 * model's u held fixed: among blocked pairs at one address with different surnames most are one
 * woman before and after marriage, so a fitted "non-match" class there learns the duplicates
 * (measured: given names exact 0.18, birth date exact 0.43) and calls them strangers.
 * Stops when no m moves by more than 1e-6.
 */
export function runExpectationMaximisation(
  compiled: CompiledModel,
  patterns: ReadonlyMap<number, number>,
  maxIterations: number,
): FittedParameters {
  const fields = compiled.fields;
  const fieldCount = fields.length;
  const patternCount = patterns.size;
  const levels = new Uint8Array(patternCount * fieldCount);
  const counts = new Float64Array(patternCount);
  let p = 0;
  for (const [key, count] of patterns) {
    let rest = key;
    for (let f = fieldCount - 1; f >= 0; f--) {
      levels[p * fieldCount + f] = rest % 16;
      rest = Math.floor(rest / 16);
    }
    counts[p++] = count;
  }
  const isNull = fields.map((field) => field.levels.map((level) => level === null || level.isNull === true));
  const m = fields.map((field, f) =>
    normalised(
      field.levels.map((level) => level?.m ?? 0),
      isNull[f] as boolean[],
    ),
  );
  // The non-matches among blocked pairs agree far more than strangers drawn at random: they were
  // blocked for sharing a name, a birth date or an address. Starting their u from how all the
  // blocked pairs agree (mostly non-matches) keeps namesakes from being taken for the matches.
  const u = fields.map((field, f) => {
    const marginal = new Float64Array(field.comparator.levels.length);
    for (let q = 0; q < patternCount; q++) {
      const level = levels[q * fieldCount + f] as number;
      marginal[level] = (marginal[level] as number) + (counts[q] as number);
    }
    return normalised(marginal, isNull[f] as boolean[], 1e-3);
  });
  let household = fields.map((field, f) =>
    field.model.sameAddressU
      ? normalised(
          field.comparator.levels.map((id) => field.model.sameAddressU?.[id] ?? 0),
          isNull[f] as boolean[],
        )
      : null,
  );
  const otherSurname = fields.map((field, f) =>
    field.model.sameAddressOtherSurnameU
      ? normalised(
          field.comparator.levels.map(
            (id) => field.model.sameAddressOtherSurnameU?.[id] ?? field.model.sameAddressU?.[id] ?? 0,
          ),
          isNull[f] as boolean[],
        )
      : null,
  );
  const address = compiled.address;
  const surname = compiled.surname;
  let lambda = 0.1;
  let expectedMatches = 0;
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    const mNext = fields.map((field) => new Float64Array(field.comparator.levels.length));
    const uNext = fields.map((field) => new Float64Array(field.comparator.levels.length));
    const householdNext = household.map((prior) =>
      prior ? prior.map((share) => share * HOUSEHOLD_PRIOR_PAIRS) : null,
    );
    let matches = 0;
    let total = 0;
    for (let q = 0; q < patternCount; q++) {
      let logMatch = Math.log(lambda);
      let logNonMatch = Math.log(1 - lambda);
      const together = address !== null && levels[q * fieldCount + address.field] === address.sameLevel;
      const apartInName =
        together && surname !== null && levels[q * fieldCount + surname.field] === surname.differentLevel;
      for (let f = 0; f < fieldCount; f++) {
        const level = levels[q * fieldCount + f] as number;
        if ((isNull[f] as boolean[])[level]) continue;
        const nonMatch = !together
          ? (u[f] as Float64Array)
          : ((apartInName ? otherSurname[f] : null) ?? household[f] ?? (u[f] as Float64Array));
        logMatch += Math.log(Math.max((m[f] as Float64Array)[level] as number, 1e-12));
        logNonMatch += Math.log(Math.max(nonMatch[level] as number, 1e-12));
      }
      const posterior = 1 / (1 + Math.exp(logNonMatch - logMatch));
      const count = counts[q] as number;
      matches += count * posterior;
      total += count;
      for (let f = 0; f < fieldCount; f++) {
        const level = levels[q * fieldCount + f] as number;
        const fieldM = mNext[f] as Float64Array;
        const fieldU = uNext[f] as Float64Array;
        fieldM[level] = (fieldM[level] as number) + count * posterior;
        // Their u is the model's, kept as it is (see above): their non-match share counts nowhere.
        if (apartInName && otherSurname[f]) continue;
        const fieldHousehold = householdNext[f];
        if (together && fieldHousehold) {
          fieldHousehold[level] = (fieldHousehold[level] as number) + count * (1 - posterior);
          continue;
        }
        fieldU[level] = (fieldU[level] as number) + count * (1 - posterior);
      }
    }
    let change = 0;
    for (let f = 0; f < fieldCount; f++) {
      // A field never filled in on both sides says nothing about m: keep what the model had.
      if (!observed(mNext[f] as Float64Array, uNext[f] as Float64Array, isNull[f] as boolean[])) continue;
      const fittedM = normalised(mNext[f] as Float64Array, isNull[f] as boolean[], 1e-3);
      const fittedU = normalised(uNext[f] as Float64Array, isNull[f] as boolean[], 1e-3);
      for (let l = 0; l < fittedM.length; l++) {
        change = Math.max(change, Math.abs((fittedM[l] as number) - ((m[f] as Float64Array)[l] as number)));
      }
      m[f] = fittedM;
      u[f] = fittedU;
    }
    household = householdNext.map((next, f) => (next ? normalised(next, isNull[f] as boolean[]) : null));
    lambda = Math.min(Math.max(matches / Math.max(total, 1), 1e-9), 1 - 1e-9);
    expectedMatches = matches;
    if (change < 1e-6) {
      iteration++;
      break;
    }
  }
  return { m, sameAddressU: household, expectedMatches, iterations: iteration };
}

const HOUSEHOLD_PRIOR_PAIRS = 50;

/** Shares over the non-null levels, with a small pseudo-count so no level is ever exactly 0. */
function normalised(values: ArrayLike<number>, isNull: readonly boolean[], pseudoCount = 0): Float64Array {
  const out = new Float64Array(values.length);
  let total = 0;
  for (let l = 0; l < values.length; l++) if (!isNull[l]) total += (values[l] as number) + pseudoCount;
  for (let l = 0; l < values.length; l++) {
    out[l] = isNull[l] || total === 0 ? 0 : ((values[l] as number) + pseudoCount) / total;
  }
  return out;
}

function observed(m: Float64Array, u: Float64Array, isNull: readonly boolean[]): boolean {
  let total = 0;
  for (let l = 0; l < m.length; l++) if (!isNull[l]) total += (m[l] as number) + (u[l] as number);
  return total > 0;
}
