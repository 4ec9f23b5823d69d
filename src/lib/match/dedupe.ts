import { addTermCounts } from "./add-term-counts";
import { buildBlockIndex } from "./build-block-index";
import { compileModel } from "./compile-model";
import { connectedComponents } from "./connected-components";
import { type FoundPairs, findMatches } from "./find-matches";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";
import type { PairScore } from "./pair-score";
import { pairScoreOf } from "./pair-score-of";
import { type PreparedRecord, prepareRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

export interface DedupeOptions {
  /** Defaults to frequencies counted over `records`. */
  tf?: TermFrequencies;
  /** Threads to score on; 1 (the default) scores on the calling thread. */
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
  const order = Array.from({ length: found.count }, (_, p) => p).sort(
    (x, y) => (found.weight[y] as number) - (found.weight[x] as number),
  );
  const pairs = order.map((p) =>
    pairScoreOf(
      compiled,
      prepared[found.left[p] as number] as PreparedRecord,
      prepared[found.right[p] as number] as PreparedRecord,
      frequencies,
    ),
  );
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
