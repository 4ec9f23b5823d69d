import type { BlockIndex } from "./build-block-index";

/**
 * Calls `visit(i, j)` (i < j) once for every pair of records that share a block, over the
 * blocks from `fromBlock` up to `toBlock`. A pair in several blocks is visited in the block of
 * its smallest shared key only, so splitting the blocks between workers splits the pairs too.
 */
export function forEachCandidatePair(
  index: BlockIndex,
  visit: (i: number, j: number) => void,
  fromBlock = 0,
  toBlock = index.blockHash.length,
): void {
  const { blockStart, blockHash, members } = index;
  for (let block = fromBlock; block < toBlock; block++) {
    const hash = blockHash[block] as number;
    const end = blockStart[block + 1] as number;
    for (let x = blockStart[block] as number; x < end; x++) {
      const i = members[x] as number;
      for (let y = x + 1; y < end; y++) {
        const j = members[y] as number;
        if (i !== j && smallestSharedKey(index, i, j) === hash) visit(i, j);
      }
    }
  }
}

function smallestSharedKey(index: BlockIndex, i: number, j: number): number {
  const { keyStart, recordKeys } = index;
  let p = keyStart[i] as number;
  const pEnd = keyStart[i + 1] as number;
  let q = keyStart[j] as number;
  const qEnd = keyStart[j + 1] as number;
  while (p < pEnd && q < qEnd) {
    const a = recordKeys[p] as number;
    const b = recordKeys[q] as number;
    if (a === b) return a;
    if (a < b) p++;
    else q++;
  }
  return -1;
}

/** How many pairs each block holds, summed: the work ahead, for splitting it evenly. */
export function blockPairCounts(index: BlockIndex): Float64Array {
  const blocks = index.blockHash.length;
  const cumulative = new Float64Array(blocks + 1);
  for (let block = 0; block < blocks; block++) {
    const size = (index.blockStart[block + 1] as number) - (index.blockStart[block] as number);
    cumulative[block + 1] = (cumulative[block] as number) + (size * (size - 1)) / 2;
  }
  return cumulative;
}
