const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A typed day as YYYY-MM-DD, or null until it is one. The date field's own parser would take
 * "2026-1" for 1 January and "2" for a day in 2001 while the user is still typing, and then keep
 * that guess; a day that does not exist, such as 2026-02-30, would roll over into March.
 */
export function parseIsoDate(typed: string): string | null {
  const text = typed.trim();
  const parts = ISO_DATE.exec(text);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? text : null;
}
