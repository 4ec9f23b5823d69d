/**
 * True when `b` is `a` with exactly one pair of neighbouring characters swapped (and the two
 * differ), the commonest typing slip in identity numbers, so duplicate matching can flag
 * "19850312-1234" against "19850321-1234". Works on any two strings of equal length.
 */
export function transposedDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  for (let j = i + 2; j < a.length; j++) {
    if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
  }
  return true;
}
