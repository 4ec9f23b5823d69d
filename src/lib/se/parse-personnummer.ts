import { localDateKey } from "./local-date-key";
import { hasValidLuhn } from "./luhn";
import { fail, ok, type Parsed } from "./parsed";
import { personnummerBirthDay } from "./personnummer-date";
import { scanIdentityNumber } from "./scan-identity-number";

export interface Personnummer {
  /** Twelve digits, YYYYMMDDNNNC; a samordningsnummer keeps its day + 60. */
  normalized: string;
  kind: "personnummer" | "samordningsnummer";
  /** YYYY-MM-DD, the real date (day - 60 for a samordningsnummer). */
  birthDate: string;
  sex: "female" | "male";
  /** YYYYMMDD-NNNC */
  formatted: string;
}

export type PersonnummerErrorCode = "invalid_format" | "invalid_checksum" | "invalid_date";

const FORMAT_MESSAGE =
  "A personnummer has 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC), optionally with '-' or '+' before the last four.";

/**
 * Parses a personnummer or samordningsnummer in any of its usual written forms.
 *
 * A 10-digit number has no century: it is the one that makes the person 0-99 years old in
 * `today`'s year, or 100-199 with '+'. The register changes '-' to '+' in the calendar year of
 * the 100th birthday, so the rule looks at years, not at the birthday. A 12-digit number carries
 * its century, so a '+' there adds nothing and is accepted. Only the centuries 18, 19 and 20 are
 * real. A birth date after `today` is refused: the check digit does not cover the century, so
 * this is what catches "2085…" typed for "1985…". Dates are read in the host's time zone.
 *
 * Checks run format, then check digit, then serial (000 is never issued) and date.
 */
export function parsePersonnummer(input: string, today?: Date): Parsed<Personnummer, PersonnummerErrorCode> {
  const scanned = scanIdentityNumber(input);
  if (scanned === null) return fail("invalid_format", FORMAT_MESSAGE);
  const { digits, separatorAt, separator } = scanned;
  // Offset of the 10-digit part (YYMMDDNNNC) within the digits.
  let at: number;
  if (digits.length === 10 && (separatorAt === -1 || separatorAt === 6)) at = 0;
  else if (digits.length === 12 && (separatorAt === -1 || separatorAt === 8)) at = 2;
  else return fail("invalid_format", FORMAT_MESSAGE);
  if (!hasValidLuhn(digits, at)) {
    return fail("invalid_checksum", "The check digit (the last digit) does not match; a digit is probably mistyped.");
  }
  if (digits.startsWith("000", at + 6)) return fail("invalid_format", "The serial number 000 is never issued.");
  const todayKey = localDateKey(today);
  let year: number;
  if (at === 0) {
    const currentYear = Math.floor(todayKey / 10000);
    year = currentYear - ((((currentYear - twoDigits(digits, 0)) % 100) + 100) % 100);
    if (separator === "+") year -= 100;
  } else {
    year = twoDigits(digits, 0) * 100 + twoDigits(digits, 2);
    if (year < 1800 || year > 2099) {
      return fail("invalid_date", `The century ${digits.slice(0, 2)} is not one a personnummer can have.`);
    }
  }
  const month = twoDigits(digits, at + 2);
  const day = personnummerBirthDay(year, month, twoDigits(digits, at + 4));
  if (day === 0) {
    return fail("invalid_date", `The digits ${digits.slice(at, at + 6)} are not a real birth date in ${year}.`);
  }
  if (year * 10000 + month * 100 + day > todayKey) {
    return fail("invalid_date", `The birth date ${year}-${two(month)}-${two(day)} is in the future.`);
  }
  return ok(describePersonnummer(at === 2 ? digits : `${Math.floor(year / 100)}${digits}`));
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function twoDigits(digits: string, at: number): number {
  return (digits.charCodeAt(at) - 48) * 10 + digits.charCodeAt(at + 1) - 48;
}

/** Builds the parsed form of an already validated 12-digit normalized number. */
export function describePersonnummer(normalized: string): Personnummer {
  const rawDay = twoDigits(normalized, 6);
  const samordning = rawDay > 60;
  const day = samordning ? rawDay - 60 : rawDay;
  return {
    normalized,
    kind: samordning ? "samordningsnummer" : "personnummer",
    birthDate: `${normalized.slice(0, 4)}-${normalized.slice(4, 6)}-${two(day)}`,
    sex: (normalized.charCodeAt(10) - 48) % 2 === 1 ? "male" : "female",
    formatted: `${normalized.slice(0, 8)}-${normalized.slice(8)}`,
  };
}
