/**
 * True when the serial number (the three digits after the date) is 980-999, the range this
 * project uses for test personnummer: the generator here draws only from it.
 *
 * This is a pattern, not a lookup in the published list of test numbers, and both can be wrong:
 * the published list also holds numbers with other serials (238 and 239 for recent birth years),
 * and before 1990 serials starting 93-99 were given to people born abroad, so real people born
 * then can hold a number in this range. Use it to keep test data apart, never to decide that a
 * customer is not real.
 *
 * Takes the 12-digit normalized form; YYYYMMDD-NNNC is accepted too. Anything else is false.
 */
export function isTestPersonnummer(normalized: string): boolean {
  const digits =
    normalized.length === 13 && normalized[8] === "-" ? normalized.slice(0, 8) + normalized.slice(9) : normalized;
  if (!/^\d{12}$/.test(digits)) return false;
  return digits[8] === "9" && (digits[9] === "8" || digits[9] === "9");
}
