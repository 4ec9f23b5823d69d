const WITH_SEPARATOR = /^(\d{1,2})[:.](\d{2})$/;
const FOUR_DIGITS = /^(\d{2})(\d{2})$/;

/**
 * A typed time of day as 24-hour HH:mm, or null. Swedes write 14:05, 14.05 or 1405; "2 pm" is
 * not taken, and neither is a bare "140", which could be 01:40 or 14:00.
 */
export function parseTime(typed: string): string | null {
  const text = typed.trim();
  const parts = WITH_SEPARATOR.exec(text) ?? FOUR_DIGITS.exec(text);
  if (!parts) return null;
  const [hours, minutes] = parts.slice(1).map(Number) as [number, number];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
