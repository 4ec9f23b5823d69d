import { daysInMonth } from "./days-in-month";
import { luhnCheckDigit } from "./luhn";
import { describePersonnummer, type Personnummer } from "./parse-personnummer";

export interface TestPersonnummerOptions {
  /** Defaults to 1940. */
  birthYearFrom?: number;
  /** Defaults to 2005. Fixed defaults, not "now", keep the output a function of `random` alone. */
  birthYearTo?: number;
  sex?: "female" | "male";
  samordning?: boolean;
}

/**
 * A valid personnummer (or samordningsnummer) with a serial number in 980-999, the range
 * `isTestPersonnummer` recognises. Deterministic for a deterministic `random` (values in [0, 1)).
 * Years are clamped to 1800-2099 and swapped if given the wrong way round.
 *
 * Read the caveat on `isTestPersonnummer`: the range is a convention, not a guarantee that no
 * real person holds the number. Keep generated numbers out of production data.
 */
export function generateTestPersonnummer(random: () => number, options: TestPersonnummerOptions = {}): Personnummer {
  let from = clampYear(options.birthYearFrom, 1940);
  let to = clampYear(options.birthYearTo, 2005);
  if (from > to) [from, to] = [to, from];
  const year = from + pick(random, to - from + 1);
  const month = 1 + pick(random, 12);
  const day = 1 + pick(random, daysInMonth(year, month)) + (options.samordning ? 60 : 0);
  const tens = 8 + pick(random, 2);
  // The last serial digit carries the sex: odd for men, even for women.
  const last = options.sex === undefined ? pick(random, 10) : 2 * pick(random, 5) + (options.sex === "male" ? 1 : 0);
  const payload = `${two(year % 100)}${two(month)}${two(day)}9${tens}${last}`;
  return describePersonnummer(`${Math.floor(year / 100)}${payload}${luhnCheckDigit(payload, 9)}`);
}

function pick(random: () => number, n: number): number {
  const i = Math.floor(random() * n);
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

function clampYear(year: number | undefined, fallback: number): number {
  if (year === undefined || !Number.isFinite(year)) return fallback;
  return Math.min(2099, Math.max(1800, Math.floor(year)));
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
