import { addTermCounts } from "./add-term-counts";
import type { MatchRecord } from "./match-record";
import { prepareRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

/** Counts surnames and given names over the records (each name once per record). */
export function buildTermFrequencies(records: Iterable<MatchRecord>): TermFrequencies {
  const frequencies: TermFrequencies = { surname: new Map(), givenName: new Map(), total: 0 };
  for (const record of records) addTermCounts(frequencies, prepareRecord(record));
  return frequencies;
}
