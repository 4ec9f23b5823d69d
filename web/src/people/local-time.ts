/** A `datetime-local` input's value (local time) as an instant; empty means "not given". */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? value : moment.toISOString();
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
