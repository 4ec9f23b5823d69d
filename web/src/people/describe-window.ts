import type { ChannelPreference } from "../register/types";

/** "mån–fre 08:00–17:00", "lör, sön 10:00–14:00", or "när som helst". */
export function describeWindow(
  window: ChannelPreference["window"],
  words: { dayNames: readonly string[]; anyTime: string; window: (days: string, from: string, to: string) => string },
): string {
  if (!window) return words.anyTime;
  const name = (day: number) => words.dayNames[day - 1] ?? String(day);
  const days = [...window.days].sort((a, b) => a - b);
  const first = days[0];
  const last = days[days.length - 1];
  const consecutive = first !== undefined && last !== undefined && last - first === days.length - 1;
  const dayText =
    consecutive && days.length >= 3 ? `${name(first)}–${name(last)}` : days.map((day) => name(day)).join(", ");
  return words.window(dayText, window.from, window.to);
}
