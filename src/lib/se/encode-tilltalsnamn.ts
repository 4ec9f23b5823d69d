/**
 * The two-digit marking code for the marked given-name positions, the inverse of
 * `decodeTilltalsnamn`: [1] is "10", [1, 2] is "12". Returns "" (no marking) for a list the code
 * cannot express: empty, more than two positions, a position outside 1-9, or not ascending.
 */
export function encodeTilltalsnamn(preferred: number[]): string {
  const [first, second] = preferred;
  if (preferred.length === 0 || preferred.length > 2 || !isDigitPosition(first)) return "";
  if (second === undefined) return `${first}0`;
  if (!isDigitPosition(second) || second <= (first as number)) return "";
  return `${first}${second}`;
}

function isDigitPosition(position: number | undefined): boolean {
  return position !== undefined && Number.isInteger(position) && position >= 1 && position <= 9;
}
