import { parseTime } from "./parse-time";

/**
 * A date-time field's value is the text a browser's `datetime-local` input gives,
 * "YYYY-MM-DDTHH:mm", or "" when empty, so the forms convert it as they always have. While only
 * one half is filled in, or the time does not read as one, the value keeps what is there on
 * either side of the "T": no converter takes it, and `dateTimeProblem` says what is missing.
 */
export function joinDateTime(day: string, timeText: string): string {
  const typed = timeText.trim();
  if (!day && !typed) return "";
  return `${day}T${parseTime(typed) ?? typed}`;
}

export function splitDateTime(value: string | null | undefined): { day: string; time: string } {
  const text = value ?? "";
  const at = text.indexOf("T");
  return at < 0 ? { day: text, time: "" } : { day: text.slice(0, at), time: text.slice(at + 1) };
}

export type DateTimeProblem = "dayMissing" | "timeMissing" | "timeFormat";

/** What keeps the value from being a moment; undefined when it is one, or empty. */
export function dateTimeProblem(value: string | null | undefined): DateTimeProblem | undefined {
  if (!value) return undefined;
  const { day, time } = splitDateTime(value);
  if (!day) return "dayMissing";
  if (!time) return "timeMissing";
  return parseTime(time) === time ? undefined : "timeFormat";
}
