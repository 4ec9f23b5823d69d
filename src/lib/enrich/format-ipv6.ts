/**
 * Writes four big-endian words as an IPv6 address in the canonical text form of RFC 5952:
 * lower case, no leading zeros, the longest run of two or more zero groups as "::".
 */
export function formatIpv6(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = words[w] ?? 0;
    groups.push(word >>> 16, word & 0xffff);
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let g = 0; g < 8; ) {
    if (groups[g] !== 0) {
      g++;
      continue;
    }
    let end = g;
    while (end < 8 && groups[end] === 0) end++;
    if (end - g > bestLength) {
      bestStart = g;
      bestLength = end - g;
    }
    g = end;
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((group) => group.toString(16))
      .join(":");
  if (bestStart === -1) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}
