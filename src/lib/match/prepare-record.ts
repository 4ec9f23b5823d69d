import { NICKNAMES } from "../se";
import { foldName } from "./fold-name";
import type { MatchRecord } from "./match-record";
import { memoise } from "./memoise";
import { normaliseStreet } from "./normalise-street";

/**
 * A record with every form the comparisons and blocking keys need worked out once, so that
 * scoring a pair allocates nothing and folds nothing. Strings and lists that many records share
 * (a folded surname, its parts) are shared, not copied.
 */
export interface PreparedRecord {
  record: MatchRecord;
  /** Given names lower-cased and joined: equal means the same spelling. */
  givenExact: string;
  /** Folded given-name parts in order ("Anna-Karin" gives two). */
  given: readonly string[];
  givenKey: string;
  /** The folded parts sorted, for the same names written in another order. */
  givenSortedKey: string;
  /** Folded parts with nicknames read as the name they stand for (kalle is karl). */
  canonical: readonly string[];
  /** The names the person goes by: the marked ones, or without a marking the first given name. */
  call: readonly string[];
  /** One given name and no marking: it may be any of the person's names. */
  singleUnmarked: boolean;
  callCanonical: readonly string[];
  surnameExact: string;
  surname: string;
  /** The words of a double surname ("Andersson Berg"), folded; one entry for a single surname. */
  surnameParts: readonly string[];
  personnummer: string | null;
  /** The record's own birth date, or the one its personnummer carries. */
  birthDate: string | null;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  street: string | null;
  postnummer: string | null;
  city: string | null;
  emails: readonly string[];
  /** The part of each e-mail before the @. */
  emailLocals: readonly string[];
  phones: readonly string[];
  /** Filled in by `displayOf` the first time an explanation needs it. */
  display: (string | null)[] | null;
}

const CANONICAL_NICKNAMES = new Map(Object.entries(NICKNAMES).map(([nickname, name]) => [nickname, foldName(name)]));
const EMPTY: readonly string[] = [];

const foldedParts = memoise((name: string): readonly string[] => {
  const parts = foldName(name)
    .split(" ")
    .filter((part) => part.length > 0);
  return parts.length === 0 ? EMPTY : parts;
});
const lowerCase = memoise((text: string) => text.trim().toLowerCase());
const foldedCity = memoise((city: string) => foldName(city) || null);
const streetKey = memoise(normaliseStreet);

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const given = partsOf(record.givenNames);
  const call =
    record.preferredGivenNames.length > 0 ? partsOf(record.preferredGivenNames) : firstParts(record.givenNames);
  const surnameParts = foldedParts(record.surname);
  const surname = surnameParts.length === 1 ? (surnameParts[0] as string) : surnameParts.join(" ");
  const personnummer = record.personnummer && record.personnummer.length > 0 ? record.personnummer : null;
  const birthDate = record.birthDate ?? (personnummer ? birthDateOf(personnummer) : null);
  const postnummer = record.postnummer ? record.postnummer.replace(/\s/g, "") : null;
  const givenKey = given.length === 1 ? (given[0] as string) : given.join(" ");
  return {
    record,
    givenExact: lowerCase(
      record.givenNames.length === 1 ? (record.givenNames[0] as string) : record.givenNames.join(" "),
    ),
    given,
    givenKey,
    givenSortedKey: given.length < 2 ? givenKey : [...given].sort().join(" "),
    canonical: canonicalList(given),
    call,
    singleUnmarked: given.length === 1 && record.preferredGivenNames.length === 0,
    callCanonical: canonicalList(call),
    surnameExact: lowerCase(record.surname),
    surname,
    surnameParts,
    personnummer,
    birthDate,
    birthYear: birthDate ? Number(birthDate.slice(0, 4)) : 0,
    birthMonth: birthDate ? Number(birthDate.slice(5, 7)) : 0,
    birthDay: birthDate ? Number(birthDate.slice(8, 10)) : 0,
    street: record.street ? streetKey(record.street) : null,
    postnummer: postnummer && postnummer.length > 0 ? postnummer : null,
    city: record.city ? foldedCity(record.city) : null,
    emails: record.emails,
    emailLocals: record.emails.length === 0 ? EMPTY : record.emails.map(localPart),
    phones: record.phones,
    display: null,
  };
}

export function localPart(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? email : email.slice(0, at);
}

function partsOf(names: readonly string[]): readonly string[] {
  if (names.length === 1) return foldedParts(names[0] as string);
  const parts: string[] = [];
  for (const name of names) for (const part of foldedParts(name)) parts.push(part);
  return parts;
}

function firstParts(names: readonly string[]): readonly string[] {
  return names.length === 0 ? EMPTY : foldedParts(names[0] as string);
}

/** A folded given name with a nickname read as the name it stands for. */
export function canonicalName(folded: string): string {
  return CANONICAL_NICKNAMES.get(folded) ?? folded;
}

// The same list when no name in it is a nickname, which is nearly always.
function canonicalList(names: readonly string[]): readonly string[] {
  if (!names.some((name) => CANONICAL_NICKNAMES.has(name))) return names;
  return names.map(canonicalName);
}

// A samordningsnummer adds 60 to the day.
function birthDateOf(personnummer: string): string | null {
  if (!/^\d{12}$/.test(personnummer)) return null;
  const day = Number(personnummer.slice(6, 8));
  const realDay = day > 60 ? day - 60 : day;
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${String(realDay).padStart(2, "0")}`;
}
