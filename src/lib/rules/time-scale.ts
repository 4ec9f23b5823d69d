import { calendarToday } from "./calendar-today";
import type { RelativeSpan } from "./condition";
import { formatDay } from "./format-day";
import { parseDay } from "./parse-day";
import { parseTimestamp } from "./parse-timestamp";
import { spanMs } from "./relative-span";
import { toDay } from "./to-day";
import { toEpochMs } from "./to-epoch-ms";

/**
 * How a date or timestamp field becomes a number both compilers compare: day numbers for dates,
 * epoch milliseconds for timestamps. SQL binds the same numbers, formatted, so the two agree.
 */
export interface TimeScale {
  /** A field value on the scale, or null. */
  read: (value: unknown) => number | null;
  /** A validated constant on the scale, or null when malformed. */
  parse: (text: string) => number | null;
  /** A point on the scale as the SQL literal of `sqlType`. */
  format: (point: number) => string;
  sqlType: "date" | "timestamptz";
  /** "Now" on the scale: today's day number, or the instant itself. */
  current: (nowMs: number) => number;
  /** A within_last / more_than_ago span in the scale's units. */
  units: (span: RelativeSpan) => number;
}

export const DATE_SCALE: TimeScale = {
  read: toDay,
  parse: parseDay,
  format: formatDay,
  sqlType: "date",
  current: calendarToday,
  // Validation lets date fields count only in days.
  units: (span) => span.amount,
};

export const TIMESTAMP_SCALE: TimeScale = {
  read: toEpochMs,
  parse: parseTimestamp,
  format: (ms) => new Date(ms).toISOString(),
  sqlType: "timestamptz",
  current: (nowMs) => nowMs,
  units: spanMs,
};
