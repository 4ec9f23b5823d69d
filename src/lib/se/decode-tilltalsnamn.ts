import { givenNameParts } from "./given-name-parts";
import { fail, ok, type Parsed } from "./parsed";

/**
 * Reads the population register's two-digit marking of the preferred given name (tilltalsnamn):
 * each digit is the 1-based position of a marked name among `givenNameParts`, and a 0 in second
 * place means only one is marked. "10" is [1], "12" is [1, 2], "13" is [1, 3].
 *
 * Decisions: a number is read as its decimal digits, so 10 is "10" and 2 is "2"; a single digit
 * marks that one name. "0", "00", "01" and "" are refused (the first digit must be a position),
 * and so are positions beyond the names, the same position twice and descending positions, which
 * the register does not produce. Callers treat a refusal as "no marking".
 */
export function decodeTilltalsnamn(givenNames: string, code: string | number): Parsed<number[], "invalid_marking"> {
  let digits: string;
  if (typeof code === "number") {
    if (!Number.isInteger(code) || code < 0 || code > 99) return invalid(`${code} is not a marking code.`);
    digits = String(code);
  } else {
    digits = code.trim();
  }
  if (!/^\d{1,2}$/.test(digits)) return invalid(`"${digits}" is not a one- or two-digit marking code.`);
  const first = digits.charCodeAt(0) - 48;
  if (first === 0) return invalid(`"${digits}" marks no name: the first digit must be a position from 1.`);
  const positions = [first];
  if (digits.length === 2 && digits[1] !== "0") {
    const second = digits.charCodeAt(1) - 48;
    if (second === first) return invalid(`"${digits}" marks the same name twice.`);
    if (second < first) return invalid(`"${digits}" lists the marked names out of order.`);
    positions.push(second);
  }
  const count = givenNameParts(givenNames).length;
  const highest = positions[positions.length - 1] as number;
  if (highest > count) {
    return invalid(`"${digits}" marks name ${highest}, but there ${count === 1 ? "is 1 name" : `are ${count} names`}.`);
  }
  return ok(positions);
}

function invalid(message: string) {
  return fail("invalid_marking", message);
}
