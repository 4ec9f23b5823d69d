/** The decimal mark a file's numbers are written with: `,` in Swedish Excel's semicolon files. */
export type TDecimalMark = "," | ".";

export type TSpreadsheetNumber =
  | { ok: true /** Plain decimal that Number() reads: "-1234.5". */; text: string }
  | { ok: false; code: "invalid_number" | "ambiguous_number"; message: string };

/** Swedish Excel writes semicolon (and tab) files with decimal commas; comma files use a point. */
export const decimalMarkOf = (separator: string): TDecimalMark => (separator === "," ? "." : ",");

/**
 * A number as a spreadsheet or a person writes it in a file: "1 234,50", "1234,5", "−500",
 * "899 kr". Spaces group thousands. The file's own decimal mark is always a decimal mark; the
 * other one is read as a decimal mark too ("1234.5" in a semicolon file, "1234,50" in a comma
 * file), except where it could be a thousands separator: one to three digits, the mark and
 * exactly three digits ("1,500" in a comma file, "1.500" in a semicolon file) are refused as
 * ambiguous rather than guessed, since a wrong guess is off by a factor of a thousand.
 */
export function readSpreadsheetNumber(raw: string, decimalMark: TDecimalMark): TSpreadsheetNumber {
  const compact = raw
    .trim()
    .replace(/(kr|sek|:-)\.?$/i, "")
    .replace(/[\s\u00a0\u202f\u2009]/g, "")
    .replace(/^\u2212/, "-");
  const match = /^([+-]?)(\d*)(?:([.,])(\d*))?$/.exec(compact);
  if (!match || !/\d/.test(compact)) {
    return { ok: false, code: "invalid_number", message: `A number such as 1 234${decimalMark}50` };
  }
  const [, sign = "", whole = "", mark, fraction = ""] = match;
  if (mark && mark !== decimalMark && /^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
    return {
      ok: false,
      code: "ambiguous_number",
      message: `${raw.trim()} may mean a thousand times more or less: write ${whole}${decimalMark}${fraction} for a decimal, ${whole}${fraction} for a whole number`,
    };
  }
  return { ok: true, text: `${sign}${whole || "0"}${fraction ? `.${fraction}` : ""}` };
}
