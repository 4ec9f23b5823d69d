import { foldName } from "./fold-name";

/**
 * How many records carry each surname and each given name (folded), out of `total` records.
 * A name's share is the chance that another record drawn at random has it too, which is what
 * the term-frequency adjustment puts in place of a level's u.
 */
export interface TermFrequencies {
  surname: Map<string, number>;
  givenName: Map<string, number>;
  total: number;
}

/**
 * Term frequencies from counts kept elsewhere (a GROUP BY in the register, say). Names are
 * folded here, so counts for "Jönsson" and "JÖNSSON" add up under one key.
 */
export function termFrequenciesFromCounts(counts: {
  surname: ReadonlyMap<string, number>;
  givenName: ReadonlyMap<string, number>;
  total: number;
}): TermFrequencies {
  return {
    surname: foldKeys(counts.surname),
    givenName: foldKeys(counts.givenName),
    total: counts.total,
  };
}

function foldKeys(counts: ReadonlyMap<string, number>): Map<string, number> {
  const folded = new Map<string, number>();
  for (const [name, count] of counts) {
    const key = foldName(name);
    folded.set(key, (folded.get(key) ?? 0) + count);
  }
  return folded;
}

/** The share of records with `term`, or null when the term was not counted. */
export function termShare(frequencies: TermFrequencies, kind: "surname" | "givenName", term: string): number | null {
  const count = frequencies[kind].get(term);
  if (count === undefined || frequencies.total <= 0) return null;
  return count / frequencies.total;
}
