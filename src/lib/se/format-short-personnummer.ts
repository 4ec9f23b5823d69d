/**
 * The 10-digit form (YYMMDD-NNNC, or YYMMDD+NNNC from the year of the 100th birthday) of a
 * normalized 12-digit personnummer, as read in `today`'s year. Null when the number is not 12
 * digits or when the short form cannot say it: people 200 or more years old, and birth years
 * after `today`'s, which a reader would place a century too early.
 */
export function formatShortPersonnummer(normalized: string, today?: Date): string | null {
  if (!/^\d{12}$/.test(normalized)) return null;
  const age = (today ?? new Date()).getFullYear() - Number(normalized.slice(0, 4));
  if (age < 0 || age >= 200) return null;
  return `${normalized.slice(2, 8)}${age >= 100 ? "+" : "-"}${normalized.slice(8)}`;
}
