/**
 * The positions 0..n-1 ordered by `hashes` (unsigned 32-bit), stably: a two-pass radix sort,
 * linear in n, for the tens of millions of block keys of a large register.
 */
export function sortByHash(hashes: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(65536);
  const first = new Uint32Array(n);
  const sorted = new Uint32Array(n);
  for (let i = 0; i < n; i++) increment(counts, (hashes[i] as number) & 0xffff);
  toStarts(counts);
  for (let i = 0; i < n; i++) first[increment(counts, (hashes[i] as number) & 0xffff)] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) increment(counts, (hashes[i] as number) >>> 16);
  toStarts(counts);
  for (let p = 0; p < n; p++) {
    const i = first[p] as number;
    sorted[increment(counts, (hashes[i] as number) >>> 16)] = i;
  }
  return sorted;
}

function toStarts(counts: Uint32Array): void {
  let total = 0;
  for (let d = 0; d < counts.length; d++) {
    const count = counts[d] as number;
    counts[d] = total;
    total += count;
  }
}

/** Adds one to `counts[at]` and returns the value before, like `counts[at]++`. */
function increment(counts: Uint32Array, at: number): number {
  const value = counts[at] as number;
  counts[at] = value + 1;
  return value;
}
