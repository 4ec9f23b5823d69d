import type { RangeTable } from "./build-range-table";

/** The country of the last boundary at or below `key` (big-endian words), by binary search. */
export function lookupRangeTable(table: RangeTable, key: Uint32Array): string | null {
  const { starts, codes, width } = table;
  let low = 0;
  let high = codes.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (compareAt(starts, middle * width, key, width) <= 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found === -1 ? null : (table.countries[codes[found] ?? 0] ?? null);
}

function compareAt(starts: Uint32Array, at: number, key: Uint32Array, width: number): number {
  for (let w = 0; w < width; w++) {
    const x = starts[at + w] ?? 0;
    const y = key[w] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
