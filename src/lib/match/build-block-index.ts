import { hashKey } from "./hash-key";
import type { PreparedRecord } from "./prepare-record";
import { emitBlockingKeys, type KeyEmitter } from "./prepared-blocking-keys";
import { sortByHash } from "./sort-by-hash";

/**
 * Records grouped by blocking key, in typed arrays. Block k holds the records
 * `members[blockStart[k] .. blockStart[k + 1])`, in ascending order. `recordKeys` lists, per
 * record, the hashes of its usable blocks in ascending order (`keyStart` as offsets), so a pair
 * that shares several keys can be scored in the block of the smallest one only.
 */
export interface BlockIndex {
  blockStart: Uint32Array;
  blockHash: Uint32Array;
  members: Uint32Array;
  keyStart: Uint32Array;
  recordKeys: Uint32Array;
  /** Blocks left out for being larger than the limit: a key shared that widely tells nothing. */
  oversizedBlocks: number;
}

export const DEFAULT_MAX_BLOCK_SIZE = 400;

export function buildBlockIndex(records: readonly PreparedRecord[], maxBlockSize = DEFAULT_MAX_BLOCK_SIZE): BlockIndex {
  const n = records.length;
  // Records have about ten keys. Large typed arrays are few and reused in place below: each one
  // allocated can set off a full garbage collection of everything else the caller holds.
  let hashes = new Uint32Array(Math.max(16, n * 12));
  let owners = new Uint32Array(hashes.length);
  let size = 0;
  const recordHashes: number[] = [];
  const collect: KeyEmitter = (rule, first, second, third) => {
    recordHashes.push(hashKey(rule, first, second, third));
  };
  for (let i = 0; i < n; i++) {
    recordHashes.length = 0;
    emitBlockingKeys(records[i] as PreparedRecord, collect);
    recordHashes.sort((x, y) => x - y);
    if (size + recordHashes.length > hashes.length) {
      hashes = grow(hashes, size + recordHashes.length);
      owners = grow(owners, hashes.length);
    }
    let previous = -1;
    for (const hash of recordHashes) {
      if (hash === previous) continue;
      previous = hash;
      hashes[size] = hash;
      owners[size] = i;
      size++;
    }
  }
  const order = sortByHash(hashes, size);
  const usable = new Uint8Array(size);
  const blockStarts = new Uint32Array((size >> 1) + 2);
  const blockHashes = new Uint32Array((size >> 1) + 1);
  let blockCount = 0;
  // Members are written over the sort order, never ahead of where it is read.
  const members = order;
  let memberCount = 0;
  let oversizedBlocks = 0;
  for (let start = 0; start < size; ) {
    const hash = hashes[order[start] as number] as number;
    let end = start + 1;
    while (end < size && hashes[order[end] as number] === hash) end++;
    const length = end - start;
    if (length > maxBlockSize) oversizedBlocks++;
    else if (length >= 2) {
      blockStarts[blockCount] = memberCount;
      blockHashes[blockCount] = hash;
      blockCount++;
      for (let p = start; p < end; p++) {
        const entry = order[p] as number;
        usable[entry] = 1;
        members[memberCount++] = owners[entry] as number;
      }
    }
    start = end;
  }
  blockStarts[blockCount] = memberCount;
  const keyStart = new Uint32Array(n + 1);
  // Likewise the usable keys over the hashes, in record order.
  const recordKeys = hashes;
  let written = 0;
  for (let entry = 0; entry < size; entry++) {
    if (usable[entry] === 1) recordKeys[written++] = hashes[entry] as number;
    keyStart[(owners[entry] as number) + 1] = written;
  }
  // Records with no keys at all left their offsets at 0: carry the running offset forward.
  for (let i = 1; i <= n; i++)
    if ((keyStart[i] as number) < (keyStart[i - 1] as number)) keyStart[i] = keyStart[i - 1] as number;
  return {
    blockStart: blockStarts.subarray(0, blockCount + 1),
    blockHash: blockHashes.subarray(0, blockCount),
    members: members.subarray(0, memberCount),
    keyStart,
    recordKeys: recordKeys.subarray(0, written),
    oversizedBlocks,
  };
}

function grow(array: Uint32Array<ArrayBuffer>, atLeast: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(Math.max(atLeast, array.length * 2));
  grown.set(array);
  return grown;
}
