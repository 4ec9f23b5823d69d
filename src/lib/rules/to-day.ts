import { dayNumber } from "./parse-day";

const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const MS_PER_DAY = 86_400_000;

/**
 * The day number of a date field's value: a `YYYY-MM-DD` string (a longer ISO string counts by
 * its first ten characters), or a Date at UTC midnight as date columns read in "date" mode give.
 * Anything else is no value.
 */
export function toDay(value: unknown): number | null {
  if (typeof value === "string") {
    const match = DAY_PREFIX.exec(value);
    if (!match) return null;
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return dayNumber(Number(match[1]), month, day);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
  }
  return null;
}
