import { addTermCounts } from "./add-term-counts";
import { buildBlockIndex } from "./build-block-index";
import { compileModel } from "./compile-model";
import { connectedComponents } from "./connected-components";
import { type FoundPairs, findMatches } from "./find-matches";
import { lazyPairScore } from "./lazy-pair-score";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";
import type { PairScore } from "./pair-score";
import { type PreparedRecord, prepareRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

export interface DedupeOptions {
  /** Defaults to frequencies counted over `records`. */
  tf?: TermFrequencies;
  /**
   * Not used yet: scoring runs on the calling thread. On the two-core reference machine that
   * deduplicates a million records within the benchmark's minute, and a worker would first need
   * its own copy of every prepared record.
   */
  workers?: number;
  /** Blocks with more records than this are skipped; defaults to 400. */
  maxBlockSize?: number;
}

export interface DedupeResult {
  /** Pairs at review or auto_merge, strongest first. */
  pairs: PairScore[];
  /** Records joined by auto_merge pairs, two or more each, as record ids. */
  clusters: string[][];
}

/**
 * Finds the duplicates in a set of records: blocks them, scores every pair that shares a block,
 * and joins the auto-merge pairs into clusters. Review pairs are returned but join nothing.
 * The work is synchronous inside the promise (seconds for a large register): run it from a job,
 * not on a request.
 */
export async function dedupe(
  records: MatchRecord[],
  model: MatchModel,
  opts: DedupeOptions = {},
): Promise<DedupeResult> {
  const prepared = records.map(prepareRecord);
  const frequencies = opts.tf ?? countTerms(prepared);
  const compiled = compileModel(model);
  const index = buildBlockIndex(prepared, opts.maxBlockSize);
  const found: FoundPairs = findMatches(prepared, index, compiled, frequencies);
  const pairs: PairScore[] = new Array(found.count);
  const order = strongestFirst(found);
  for (let rank = 0; rank < order.length; rank++) {
    const p = order[rank] as number;
    pairs[rank] = lazyPairScore(
      compiled,
      prepared[found.left[p] as number] as PreparedRecord,
      prepared[found.right[p] as number] as PreparedRecord,
      frequencies,
      found.weight[p] as number,
      found.autoMerge[p] === 1 ? "auto_merge" : "review",
    );
  }
  const autoLeft: number[] = [];
  const autoRight: number[] = [];
  for (let p = 0; p < found.count; p++) {
    if (found.autoMerge[p] !== 1) continue;
    autoLeft.push(found.left[p] as number);
    autoRight.push(found.right[p] as number);
  }
  const clusters = connectedComponents(records.length, autoLeft, autoRight).map((group) =>
    group.map((i) => (records[i] as MatchRecord).id),
  );
  return { pairs, clusters };
}

function countTerms(prepared: readonly PreparedRecord[]): TermFrequencies {
  const frequencies: TermFrequencies = { surname: new Map(), givenName: new Map(), total: 0 };
  for (const record of prepared) addTermCounts(frequencies, record);
  return frequencies;
}

// Positions by weight, highest first, sorted as numbers: a comparator over a million entries is slow.
function strongestFirst(found: FoundPairs): Uint32Array {
  const keys = new Float64Array(found.count);
  const positions = 2 ** Math.ceil(Math.log2(found.count + 1));
  for (let p = 0; p < found.count; p++) {
    // Weights to a thousandth of a bit, negated for descending order, with the position below.
    keys[p] = Math.round(-(found.weight[p] as number) * 1000) * positions + p;
  }
  keys.sort();
  const order = new Uint32Array(found.count);
  for (let rank = 0; rank < found.count; rank++) {
    const key = keys[rank] as number;
    order[rank] = key - Math.floor(key / positions) * positions;
  }
  return order;
}
