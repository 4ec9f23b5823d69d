import { memoise } from "./memoise";
import type { PreparedRecord } from "./prepare-record";

const prefix = memoise((name: string) => name.slice(0, 2));
const YEARS = Array.from({ length: 2200 }, (_, year) => String(year));

/** Receives one blocking key as its parts: a rule letter and up to three values. */
export type KeyEmitter = (rule: string, first: string, second?: string, third?: string) => void;

/**
 * The blocks a record is filed under. Each rule catches duplicates the others miss:
 * - p: the personnummer;
 * - b: the birth date with the first two letters of any name (nicknames read as the name, the
 *   surname included, so swapped names still meet), for records where one side lacks the
 *   personnummer or has it mistyped;
 * - a: the street address; e: every e-mail; t: every phone (the local part of an e-mail alone was
 *   tried and dropped: 8% more pairs at a million records, and F1 no better at 100 000);
 * - n, y: surname and preferred name with the town, and with the birth year, ordered so a
 *   swapped pair still meets: for records without personnummer after a move or with a mistyped day.
 * A key may come twice; callers that care drop the repeat.
 */
export function emitBlockingKeys(record: PreparedRecord, emit: KeyEmitter): void {
  if (record.personnummer !== null) emit("p", record.personnummer);
  if (record.birthDate !== null) {
    for (const name of record.canonical) emit("b", record.birthDate, prefix(name));
    for (const name of record.surnameParts) emit("b", record.birthDate, prefix(name));
  }
  if (record.street !== null && record.postnummer !== null) emit("a", record.postnummer, record.street);
  for (const email of record.emails) emit("e", email);
  for (const phone of record.phones) emit("t", phone);
  const town = record.city ?? record.postnummer?.slice(0, 3) ?? null;
  const year = record.birthDate === null ? null : (YEARS[record.birthYear] ?? String(record.birthYear));
  if (town === null && year === null) return;
  for (const surname of record.surnameParts) {
    for (const name of record.callCanonical) {
      const surnameFirst = surname < name;
      const low = surnameFirst ? surname : name;
      const high = surnameFirst ? name : surname;
      if (town !== null) emit("n", low, high, town);
      if (year !== null) emit("y", low, high, year);
    }
  }
}

/** The keys as strings, each once, e.g. "p:198503121234" or "n:andersson:karl:uppsala". */
export function preparedBlockingKeys(record: PreparedRecord, out: string[]): string[] {
  out.length = 0;
  emitBlockingKeys(record, (rule, first, second, third) => {
    let key = `${rule}:${first}`;
    if (second !== undefined) key += `:${second}`;
    if (third !== undefined) key += `:${third}`;
    if (!out.includes(key)) out.push(key);
  });
  return out;
}
