/**
 * Dates and times as people and systems write them, read without JavaScript's guesses:
 * `new Date("2026-02-30")` rolls over into March, and `new Date("2026-03-29T02:30")` reads the
 * time in whatever zone the server process happens to run in. Here a day must exist, and a time
 * without an offset is read in the installation's time zone (`DEFAULT_TIME_ZONE`).
 */

export const DEFAULT_INSTALLATION_ZONE = "Europe/Stockholm";

// Set once at start-up from the configuration, which every process of an installation shares.
let installationZone = DEFAULT_INSTALLATION_ZONE;

/** The zone a date or time without an offset is read in. */
export function installationTimeZone(): string {
  return installationZone;
}

export function setInstallationTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new Error(`Not an IANA time zone: ${zone}`);
  installationZone = zone;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type TInstantFault = "invalid_date" | "nonexistent_time" | "too_small" | "too_big";

export type TParsedInstant = { ok: true; date: Date } | { ok: false; code: TInstantFault; message: string };

export const EARLIEST_YEAR = 1000;
export const LATEST_YEAR = 9999;

// 2026-03-02, 2026-03-02T14:05, 2026-03-02 14:05:30.250+01:00, 2026-03-02T13:05Z. The year may
// be longer or signed (+275760-…) so that such a value is refused as out of range, not as garbage.
const ISO =
  /^([+-]\d{6}|\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const FORMAT_MESSAGE = "A date and time, such as 2026-03-02T14:05:00+01:00, or a date, such as 2026-03-02";

/**
 * Reads an ISO 8601 date or date and time as an instant.
 *
 * - With an offset (`Z`, `+01:00`) the time is that instant.
 * - Without one it is a wall-clock time in `zone`. A time the clocks skip when summer time
 *   starts (02:30 on the last Sunday of March in Stockholm) does not exist and is refused
 *   (`nonexistent_time`); a time that occurs twice when it ends (02:30 on the last Sunday of
 *   October) is its first occurrence, still in summer time.
 * - A date alone is the start of that day in `zone`.
 *
 * The day must exist (2026-02-30 does not: `invalid_date`), hours run 00–23, and the year must be
 * 1000–9999 as written (`too_small`, `too_big`), the range the database and the clients share.
 */
export function parseInstant(text: string, zone: string = installationZone): TParsedInstant {
  const match = ISO.exec(text.trim());
  if (!match) return { ok: false, code: "invalid_date", message: FORMAT_MESSAGE };
  const [, yearText = "", monthText = "", dayText = "", hourText, minuteText, secondText, fraction, offset] = match;
  const year = Number(yearText);
  if (year < EARLIEST_YEAR) return { ok: false, code: "too_small", message: "A date from the year 1000 or later" };
  if (year > LATEST_YEAR) return { ok: false, code: "too_big", message: "A date before the year 10000" };
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      code: "invalid_date",
      message: `${yearText}-${monthText}-${dayText} is not a day in the calendar`,
    };
  }
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: "invalid_date", message: "A time of day from 00:00 to 23:59:59" };
  }
  const millisecond = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (offset !== undefined) {
    const offsetMinutes = parseOffset(offset);
    if (offsetMinutes === null) return { ok: false, code: "invalid_date", message: "An offset from -18:00 to +18:00" };
    return { ok: true, date: new Date(wallClock - offsetMinutes * 60_000) };
  }
  const instant = wallClockToInstant(wallClock, zone);
  if (instant === null) {
    const time = `${hourText ?? "00"}:${minuteText ?? "00"}`;
    return {
      ok: false,
      code: "nonexistent_time",
      message: `${yearText}-${monthText}-${dayText} ${time} does not exist in ${zone}: the clocks skip it when summer time starts`,
    };
  }
  return { ok: true, date: new Date(instant) };
}

/** Whether `YYYY-MM-DD` names a day that exists. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOffset(offset: string): number | null {
  if (offset.toUpperCase() === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (minutes > 59 || hours * 60 + minutes > 18 * 60) return null;
  return sign * (hours * 60 + minutes);
}

const DAY_MS = 86_400_000;

/**
 * The first instant whose wall-clock time in `zone` is `wallClock` (given as if it were UTC), or
 * null when the zone's clocks skip it. The candidates are the wall clock less the offsets in
 * force a day before and a day after; a candidate is real when the zone's offset at it is the
 * one it assumed.
 */
export function wallClockToInstant(wallClock: number, zone: string): number | null {
  const offsets = new Set([offsetAt(wallClock - DAY_MS, zone), offsetAt(wallClock + DAY_MS, zone)]);
  const candidates = [...offsets]
    .map((offset) => wallClock - offset)
    .filter((instant) => offsetAt(instant, zone) === wallClock - instant)
    .sort((a, b) => a - b);
  return candidates[0] ?? null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, in milliseconds (whole seconds: old zones used local mean time). */
export function offsetAt(instant: number, zone: string): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  const whole = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(whole)) parts[part.type] = part.value;
  // Years 1000–9999 only (and a day either side), so neither eras nor Date.UTC's 0–99 rule apply.
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - whole;
}
