// Scratch space reused between calls so the hot loop allocates nothing; grown when a longer
// string comes along. Safe because the function never yields mid-call.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/**
 * Jaro-Winkler similarity in [0, 1], 1 for equal strings. Standard parameters: the common
 * prefix (up to 4 characters) adds 0.1 per character of the remaining distance, applied only
 * when the Jaro similarity is above 0.7, as in Winkler's definition. Compares UTF-16 code units
 * as given: fold or lower-case first for case- and accent-blind matching.
 *
 * The greedy matching step depends on argument order, so the arguments are put in a fixed order
 * first, which makes the result exactly symmetric.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  let s = a;
  let t = b;
  if (s.length > t.length || (s.length === t.length && s > t)) {
    s = b;
    t = a;
  }
  const sl = s.length;
  const tl = t.length;
  if (sl === 0) return 0;
  if (matchedA.length < sl) matchedA = new Uint8Array(sl * 2);
  if (matchedB.length < tl) matchedB = new Uint8Array(tl * 2);
  matchedA.fill(0, 0, sl);
  matchedB.fill(0, 0, tl);
  const window = Math.max(0, (tl >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < sl; i++) {
    const code = s.charCodeAt(i);
    const end = Math.min(tl - 1, i + window);
    for (let j = Math.max(0, i - window); j <= end; j++) {
      if (matchedB[j] === 0 && t.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < sl; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (s.charCodeAt(i) !== t.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const jaro = (matches / sl + matches / tl + (matches - halfTranspositions / 2) / matches) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  const maxPrefix = Math.min(4, sl);
  while (prefix < maxPrefix && s.charCodeAt(prefix) === t.charCodeAt(prefix)) prefix++;
  return Math.min(1, jaro + prefix * 0.1 * (1 - jaro));
}
