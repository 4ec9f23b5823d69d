import type { PreparedRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

/** Counts one more record into the frequencies, in place. */
export function addTermCounts(frequencies: TermFrequencies, record: PreparedRecord): void {
  frequencies.total++;
  if (record.surname.length > 0) {
    frequencies.surname.set(record.surname, (frequencies.surname.get(record.surname) ?? 0) + 1);
  }
  for (let i = 0; i < record.given.length; i++) {
    const name = record.given[i] as string;
    // A name that occurs twice in one list ("Anna Anna") counts once for the record.
    if (record.given.indexOf(name) !== i) continue;
    frequencies.givenName.set(name, (frequencies.givenName.get(name) ?? 0) + 1);
  }
}
