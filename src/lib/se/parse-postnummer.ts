import { fail, ok, type Parsed } from "./parsed";

const POSTNUMMER = /^(?:S(?:E)?[\s-]*)?([1-9]\d{2})\s?(\d{2})$/iu;

/**
 * Reads a Swedish postcode: five digits, the first 1-9, optionally split 3 + 2 by a space and
 * optionally after the country prefix SE or S (with or without '-'). Normalised to "123 45".
 */
export function parsePostnummer(input: string): Parsed<{ normalized: string }, "invalid_postnummer"> {
  const match = POSTNUMMER.exec(input.trim());
  if (match === null) {
    return fail("invalid_postnummer", "A Swedish postnummer is five digits, not starting with 0, e.g. 123 45.");
  }
  return ok({ normalized: `${match[1]} ${match[2]}` });
}
