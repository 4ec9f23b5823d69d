import { NICKNAMES } from "../se";
import { foldName } from "./fold-name";
import type { MatchRecord } from "./match-record";
import { normaliseStreet } from "./normalise-street";

/**
 * A record with every form the comparisons and blocking keys need worked out once, so that
 * scoring a pair allocates nothing and folds nothing.
 */
export interface PreparedRecord {
  record: MatchRecord;
  /** Given names lower-cased and joined: equal means the same spelling. */
  givenExact: string;
  /** Folded given-name parts in order ("Anna-Karin" gives two). */
  given: string[];
  givenKey: string;
  /** The folded parts sorted, for the same names written in another order. */
  givenSortedKey: string;
  /** Folded parts with nicknames read as the name they stand for (kalle is karl). */
  canonical: string[];
  /** The names the person goes by: the marked ones, or without a marking the first given name. */
  call: string[];
  callCanonical: string[];
  surnameExact: string;
  surname: string;
  /** The words of a double surname ("Andersson Berg"), folded; one entry for a single surname. */
  surnameParts: string[];
  personnummer: string | null;
  /** The record's own birth date, or the one its personnummer carries. */
  birthDate: string | null;
  birthYear: string;
  birthMonth: number;
  birthDay: number;
  street: string | null;
  postnummer: string | null;
  city: string | null;
  emails: string[];
  emailLocals: string[];
  phones: string[];
}

const CANONICAL_NICKNAMES = new Map(Object.entries(NICKNAMES).map(([nickname, name]) => [nickname, foldName(name)]));

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const given = foldedParts(record.givenNames);
  const marked = foldedParts(record.preferredGivenNames);
  const call = marked.length > 0 ? marked : foldedParts(record.givenNames.slice(0, 1));
  const surname = foldName(record.surname);
  const personnummer = record.personnummer && record.personnummer.length > 0 ? record.personnummer : null;
  const birthDate = record.birthDate ?? (personnummer ? birthDateOf(personnummer) : null);
  const postnummer = record.postnummer ? record.postnummer.replace(/\s/g, "") : null;
  return {
    record,
    givenExact: record.givenNames.join(" ").toLowerCase(),
    given,
    givenKey: given.join(" "),
    givenSortedKey: [...given].sort().join(" "),
    canonical: given.map(canonicalName),
    call,
    callCanonical: call.map(canonicalName),
    surnameExact: record.surname.trim().toLowerCase(),
    surname,
    surnameParts: surname.length > 0 ? surname.split(" ") : [],
    personnummer,
    birthDate,
    birthYear: birthDate ? birthDate.slice(0, 4) : "",
    birthMonth: birthDate ? Number(birthDate.slice(5, 7)) : 0,
    birthDay: birthDate ? Number(birthDate.slice(8, 10)) : 0,
    street: record.street ? normaliseStreet(record.street) : null,
    postnummer: postnummer && postnummer.length > 0 ? postnummer : null,
    city: record.city ? foldName(record.city) || null : null,
    emails: record.emails,
    emailLocals: record.emails.map((email) => email.slice(0, Math.max(0, email.lastIndexOf("@")))),
    phones: record.phones,
  };
}

function foldedParts(names: readonly string[]): string[] {
  const parts: string[] = [];
  for (const name of names) {
    for (const part of foldName(name).split(" ")) if (part.length > 0) parts.push(part);
  }
  return parts;
}

function canonicalName(folded: string): string {
  return CANONICAL_NICKNAMES.get(folded) ?? folded;
}

// A samordningsnummer adds 60 to the day.
function birthDateOf(personnummer: string): string | null {
  if (!/^\d{12}$/.test(personnummer)) return null;
  const day = Number(personnummer.slice(6, 8));
  const realDay = day > 60 ? day - 60 : day;
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${String(realDay).padStart(2, "0")}`;
}
