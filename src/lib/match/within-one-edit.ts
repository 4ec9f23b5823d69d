/**
 * True when `b` is `a` with one letter replaced, dropped, added, or two neighbours swapped (a
 * Damerau-Levenshtein distance of one). Short names fall below a Jaro-Winkler band after a
 * single slip (Emil, Emjl), which this still catches. Equal strings are not one edit apart.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const lengthDifference = a.length - b.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbours swapped: "ab" against "ba" in the middle, all else equal.
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}
