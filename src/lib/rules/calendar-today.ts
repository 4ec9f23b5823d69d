import { dayNumber } from "./parse-day";

/**
 * Whose calendar "today" is, for date fields' within_last and more_than_ago. A date has no time
 * of day, so comparing it with an instant needs a zone; the register serves Swedish companies, and
 * a zone per rule would make the same rule mean different days to different users.
 */
export const CALENDAR_TIME_ZONE = "Europe/Stockholm";

const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: CALENDAR_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

// One evaluation batch shares one "now"; formatting it per fact would dominate the cost.
let cachedMs = Number.NaN;
let cachedDay = 0;

/** The day number of the calendar day in CALENDAR_TIME_ZONE at the given instant. */
export function calendarToday(nowMs: number): number {
  if (nowMs !== cachedMs) {
    let year = 0;
    let month = 0;
    let day = 0;
    for (const part of parts.formatToParts(nowMs)) {
      if (part.type === "year") year = Number(part.value);
      else if (part.type === "month") month = Number(part.value);
      else if (part.type === "day") day = Number(part.value);
    }
    cachedDay = dayNumber(year, month, day);
    cachedMs = nowMs;
  }
  return cachedDay;
}
