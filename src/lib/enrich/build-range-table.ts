/**
 * Address ranges flattened for binary search: entry i says that from key `starts[i]` on, the
 * country is `countries[codes[i]]` (index 0: none) until the next entry. A key is `width`
 * 32-bit words, big-endian: one for IPv4, four for IPv6.
 */
export interface RangeTable {
  width: number;
  starts: Uint32Array;
  codes: Uint8Array;
  countries: readonly (string | null)[];
}

/** Parses one address from `text[from, to)` into `into[at…]` and tells whether it was one. */
export type ParseKey = (text: string, from: number, to: number, into: Uint32Array, at: number) => boolean;

/**
 * Builds a table from CSV lines "start,end,CC" sorted by start. The registry data nests more
 * specific ranges inside broader ones (a /29 of one country inside a /18 of another), so a
 * plain search over the rows could land on the wrong one; this sweep turns them into
 * boundaries where the innermost range wins, with "no country" in the gaps.
 */
export function buildRangeTable(text: string, width: number, parseKey: ParseKey): RangeTable {
  const rows = countLines(text);
  const countries: (string | null)[] = [null];
  const codeOf = new Uint8Array(65_536);
  const starts = new Uint32Array((rows * 2 + 1) * width);
  const codes = new Uint8Array(rows * 2 + 1);
  let count = 0;
  const start = new Uint32Array(width);
  const end = new Uint32Array(width);
  const closing = new Uint32Array(width);
  const next = new Uint32Array(width);
  const openEnds: number[] = [];
  const openCodes: number[] = [];

  const emit = (key: Uint32Array, code: number) => {
    const last = count - 1;
    if (last >= 0 && compare(starts, last * width, key, 0, width) === 0) {
      codes[last] = code;
      if (last >= 1 && codes[last - 1] === code) count--;
      return;
    }
    if ((last >= 0 ? codes[last] : 0) === code) return;
    starts.set(key, count * width);
    codes[count++] = code;
  };

  /** Closes every open range that ends before `limit` (all of them when null). */
  const closeBefore = (limit: Uint32Array | null) => {
    while (openCodes.length > 0) {
      const top = openCodes.length - 1;
      for (let w = 0; w < width; w++) closing[w] = openEnds[top * width + w] ?? 0;
      if (limit !== null && compare(closing, 0, limit, 0, width) >= 0) return;
      popWhileEndingBy(closing);
      next.set(closing);
      if (!increment(next)) return;
      emit(next, openCodes.length > 0 ? (openCodes[openCodes.length - 1] ?? 0) : 0);
    }
  };

  const popWhileEndingBy = (key: Uint32Array) => {
    while (openCodes.length > 0) {
      const top = openCodes.length - 1;
      if (compareList(openEnds, top * width, key, width) > 0) return;
      openCodes.pop();
      openEnds.length = top * width;
    }
  };

  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const firstComma = text.indexOf(",", lineStart);
    const secondComma = firstComma === -1 ? -1 : text.indexOf(",", firstComma + 1);
    if (firstComma !== -1 && secondComma !== -1 && secondComma + 2 <= lineEnd) {
      const ok = parseKey(text, lineStart, firstComma, start, 0) && parseKey(text, firstComma + 1, secondComma, end, 0);
      if (ok) {
        if (count > 0 && compare(start, 0, starts, (count - 1) * width, width) < 0) {
          throw new Error(`address data is not sorted by start at offset ${lineStart}`);
        }
        const pair = (text.charCodeAt(secondComma + 1) << 8) | text.charCodeAt(secondComma + 2);
        let code = codeOf[pair] ?? 0;
        if (code === 0) {
          code = countries.length;
          if (code > 255) throw new Error("more than 255 country codes in the address data");
          countries.push(text.slice(secondComma + 1, secondComma + 3));
          codeOf[pair] = code;
        }
        closeBefore(start);
        emit(start, code);
        for (let w = 0; w < width; w++) openEnds.push(end[w] ?? 0);
        openCodes.push(code);
      }
    }
    lineStart = lineEnd + 1;
  }
  closeBefore(null);
  return { width, starts: starts.slice(0, count * width), codes: codes.slice(0, count), countries };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

function compare(a: Uint32Array, at: number, b: Uint32Array, bt: number, width: number): number {
  for (let w = 0; w < width; w++) {
    const x = a[at + w] ?? 0;
    const y = b[bt + w] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compareList(a: number[], at: number, b: Uint32Array, width: number): number {
  for (let w = 0; w < width; w++) {
    const x = a[at + w] ?? 0;
    const y = b[w] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Adds one to a big-endian key; false when it wraps past the last address. */
function increment(key: Uint32Array): boolean {
  for (let w = key.length - 1; w >= 0; w--) {
    const value = ((key[w] ?? 0) + 1) >>> 0;
    key[w] = value;
    if (value !== 0) return true;
  }
  return false;
}
