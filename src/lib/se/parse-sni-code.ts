import { fail, ok, type Parsed } from "./parsed";

/** The divisions (the first two digits) of SNI 2007, the Swedish edition of NACE Rev. 2. */
const DIVISIONS = new Set(
  "01 02 03 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 35 36 37 38 39 41 42 43 45 46 47 49 50 51 52 53 55 56 58 59 60 61 62 63 64 65 66 68 69 70 71 72 73 74 75 77 78 79 80 81 82 84 85 86 87 88 90 91 92 93 94 95 96 97 98 99".split(
    " ",
  ),
);

/**
 * Reads an SNI code as people write it, "62.010", "62010" or "62 010", at any of its levels
 * (division 62, group 62.0, class 62.01, detailed 62.010), and writes it the one way the register
 * keeps it: the division, a dot, the rest. So a search for "62010" finds a code typed "62.010".
 */
export function parseSniCode(input: string): Parsed<string, "invalid_format" | "unknown_division"> {
  const compact = input.trim().replace(/(?<=^\d{2})[.\s]/, "");
  if (!/^\d{2,5}$/.test(compact)) {
    return fail("invalid_format", "An SNI code is two to five digits, such as 62.010 or 62010.");
  }
  const division = compact.slice(0, 2);
  if (!DIVISIONS.has(division)) {
    return fail(
      "unknown_division",
      `SNI 2007 has no division ${division}; the first two digits are probably mistyped.`,
    );
  }
  return ok(compact.length === 2 ? division : `${division}.${compact.slice(2)}`);
}
