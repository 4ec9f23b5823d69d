/**
 * A `datetime-local` input's value (the browser's local time) as an instant; empty means "not
 * given". A time the local clocks skip (02:30 on the night summer time starts) is sent as
 * written, without an offset, so the server refuses it by name (`nonexistent_time`) instead of
 * the browser quietly moving it an hour on.
 */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return value;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  const asWritten =
    moment.getFullYear() === year &&
    moment.getMonth() === (month ?? 0) - 1 &&
    moment.getDate() === day &&
    moment.getHours() === hour &&
    moment.getMinutes() === minute &&
    moment.getSeconds() === second;
  return asWritten ? moment.toISOString() : value;
}

/**
 * A `date` input's value as the start of that local day. A due date is a day, not a moment; the
 * start of it reads back as the same day here and makes the task late once the day is over.
 */
export function localDayToIso(value: string): string | undefined {
  if (!value) return undefined;
  const [year, month, day] = value.split("-").map(Number);
  if (!year || !month || !day) return value;
  return new Date(year, month - 1, day).toISOString();
}

/** Whether a due day has passed: it is before today's local date. */
export function isPastDay(iso: string, today: Date): boolean {
  const due = new Date(iso);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return due.getTime() < startOfToday.getTime();
}
