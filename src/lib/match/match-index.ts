import { addTermCounts } from "./add-term-counts";
import { DEFAULT_MAX_BLOCK_SIZE } from "./build-block-index";
import { type CompiledModel, compileModel } from "./compile-model";
import { hashKey } from "./hash-key";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";
import type { PairScore } from "./pair-score";
import { pairScoreOf } from "./pair-score-of";
import { type PreparedRecord, prepareRecord } from "./prepare-record";
import { emitBlockingKeys, type KeyEmitter } from "./prepared-blocking-keys";
import { scorePrepared } from "./score-prepared";
import type { TermFrequencies } from "./term-frequencies";

export interface MatchIndexOptions {
  /** Fixed frequencies; without them the index counts the names of the records added to it. */
  tf?: TermFrequencies;
  maxBlockSize?: number;
}

/**
 * Records held in memory under their blocking keys, to find the duplicates of one new record as
 * it arrives (a form submission, an import row) without scoring the whole register.
 */
export class MatchIndex {
  private readonly compiled: CompiledModel;
  private readonly records: PreparedRecord[] = [];
  // A block of one record is stored as the bare position, to spare an array per unique key.
  private readonly blocks = new Map<number, number | number[]>();
  private readonly frequencies: TermFrequencies;
  private readonly countsNames: boolean;
  private readonly maxBlockSize: number;
  private readonly hashes: number[] = [];
  private readonly collect: KeyEmitter = (rule, first, second, third) => {
    const hash = hashKey(rule, first, second, third);
    if (!this.hashes.includes(hash)) this.hashes.push(hash);
  };

  constructor(model: MatchModel, options: MatchIndexOptions = {}) {
    this.compiled = compileModel(model);
    this.frequencies = options.tf ?? { surname: new Map(), givenName: new Map(), total: 0 };
    this.countsNames = options.tf === undefined;
    this.maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  }

  get size(): number {
    return this.records.length;
  }

  add(record: MatchRecord): void {
    const prepared = prepareRecord(record);
    const position = this.records.length;
    this.records.push(prepared);
    if (this.countsNames) addTermCounts(this.frequencies, prepared);
    for (const hash of this.hashesOf(prepared)) {
      const block = this.blocks.get(hash);
      if (block === undefined) this.blocks.set(hash, position);
      else if (typeof block === "number") this.blocks.set(hash, [block, position]);
      else block.push(position);
    }
  }

  /** The indexed records that may be `record`, at review or above, strongest first. */
  match(record: MatchRecord): PairScore[] {
    const prepared = prepareRecord(record);
    const candidates = new Set<number>();
    for (const hash of this.hashesOf(prepared)) {
      const block = this.blocks.get(hash);
      if (block === undefined) continue;
      if (typeof block === "number") candidates.add(block);
      // A block this large would also be skipped when deduplicating the register.
      else if (block.length < this.maxBlockSize) for (const position of block) candidates.add(position);
    }
    const scores: PairScore[] = [];
    for (const position of candidates) {
      const other = this.records[position] as PreparedRecord;
      if (other.record.id === record.id) continue;
      if (scorePrepared(this.compiled, prepared, other, this.frequencies) < this.compiled.reviewWeight) continue;
      scores.push(pairScoreOf(this.compiled, prepared, other, this.frequencies));
    }
    return scores.sort((x, y) => y.weight - x.weight);
  }

  private hashesOf(record: PreparedRecord): number[] {
    this.hashes.length = 0;
    emitBlockingKeys(record, this.collect);
    return this.hashes;
  }
}
