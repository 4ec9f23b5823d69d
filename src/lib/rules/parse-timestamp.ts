import { parseDay } from "./parse-day";

// An explicit offset keeps a constant's instant independent of the server's time zone, and at
// most milliseconds keeps it exact in JS Dates.
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO timestamp constant with an offset, else null. The day
 * and hour are checked here because `Date.parse` rolls "02-30" and "24:00" over where PostgreSQL
 * refuses them.
 */
export function parseTimestamp(text: string): number | null {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match || parseDay(match[1] ?? "") === null || Number(match[2]) > 23) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
