export interface ScannedNumber {
  digits: string;
  /** How many digits came before the separator, or -1 when there was none. */
  separatorAt: number;
  separator: "-" | "+" | null;
}

/**
 * Splits a typed identity number into its digits and its one optional separator, skipping spaces.
 * Word processors turn '-' into en dashes and minus signs, so those count as '-'. Returns null on
 * any other character, on a second separator or on more than twelve digits, so callers can stop
 * early on junk without a regular expression.
 */
export function scanIdentityNumber(input: string): ScannedNumber | null {
  // Digits are copied in runs between the skipped characters, usually one or two slices.
  let digits = "";
  let count = 0;
  let runStart = 0;
  let separatorAt = -1;
  let separator: "-" | "+" | null = null;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++count > 12) return null;
      continue;
    }
    if (i > runStart) digits += input.slice(runStart, i);
    runStart = i + 1;
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x2009 || c === 0x202f) continue;
    if (c === 43 || c === 45 || (c >= 0x2010 && c <= 0x2014) || c === 0x2212) {
      if (separator !== null) return null;
      separator = c === 43 ? "+" : "-";
      separatorAt = count;
      continue;
    }
    return null;
  }
  digits = runStart === 0 ? input : digits + input.slice(runStart);
  return { digits, separatorAt, separator };
}
