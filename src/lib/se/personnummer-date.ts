import { daysInMonth } from "./days-in-month";

/**
 * The real day of month behind the day digits of a personnummer, or 0 when month and day do not
 * make a real date. A samordningsnummer adds 60 to the day, so 61-91 mean the 1st-31st. Day 60
 * (an unknown birth day) is refused because callers need a real birth date.
 */
export function personnummerBirthDay(year: number, month: number, rawDay: number): number {
  if (month < 1 || month > 12) return 0;
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  return day >= 1 && day <= daysInMonth(year, month) ? day : 0;
}
