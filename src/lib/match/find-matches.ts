import type { BlockIndex } from "./build-block-index";
import type { CompiledModel } from "./compile-model";
import { forEachCandidatePair } from "./for-each-candidate-pair";
import { outcomeOf } from "./outcome-of";
import type { PreparedRecord } from "./prepare-record";
import { scorePrepared } from "./score-prepared";
import type { TermFrequencies } from "./term-frequencies";

/** Pairs of record positions with their total weight, in typed arrays that cross threads cheaply. */
export interface FoundPairs {
  left: Uint32Array;
  right: Uint32Array;
  weight: Float64Array;
  /** 1 for auto_merge, 0 for review. */
  autoMerge: Uint8Array;
  count: number;
  /** Candidate pairs scored, kept or not. */
  compared: number;
}

/** Scores every candidate pair in the given blocks and keeps those at or above the review threshold. */
export function findMatches(
  records: readonly PreparedRecord[],
  index: BlockIndex,
  compiled: CompiledModel,
  frequencies: TermFrequencies | undefined,
  fromBlock = 0,
  toBlock = index.blockHash.length,
): FoundPairs {
  let left = new Uint32Array(1024);
  let right = new Uint32Array(1024);
  let weights = new Float64Array(1024);
  let autoMerge = new Uint8Array(1024);
  const levels = new Uint8Array(compiled.fields.length);
  let count = 0;
  let compared = 0;
  const threshold = compiled.reviewWeight;
  forEachCandidatePair(
    index,
    (i, j) => {
      compared++;
      const weight = scorePrepared(
        compiled,
        records[i] as PreparedRecord,
        records[j] as PreparedRecord,
        frequencies,
        levels,
      );
      if (weight < threshold) return;
      if (count === left.length) {
        left = growUint(left);
        right = growUint(right);
        const grown = new Float64Array(weights.length * 2);
        grown.set(weights);
        weights = grown;
        const grownFlags = new Uint8Array(autoMerge.length * 2);
        grownFlags.set(autoMerge);
        autoMerge = grownFlags;
      }
      left[count] = i;
      right[count] = j;
      weights[count] = weight;
      autoMerge[count] = outcomeOf(compiled, weight, levels) === "auto_merge" ? 1 : 0;
      count++;
    },
    fromBlock,
    toBlock,
  );
  return {
    left: left.slice(0, count),
    right: right.slice(0, count),
    weight: weights.slice(0, count),
    autoMerge: autoMerge.slice(0, count),
    count,
    compared,
  };
}

function growUint(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}
