import { seededRandom } from "../se";
import { buildBlockIndex } from "./build-block-index";
import { type CompiledModel, compileModel } from "./compile-model";
import { forEachCandidatePair } from "./for-each-candidate-pair";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";
import { type PreparedRecord, prepareRecord } from "./prepare-record";
import { runExpectationMaximisation } from "./run-expectation-maximisation";

export interface EstimateOptions {
  seed?: number;
  maxIterations?: number;
  /** Pairs drawn at random for u; defaults to a million or every pair, whichever is fewer. */
  randomPairs?: number;
}

/**
 * Fits a model to a register without labels, the Fellegi-Sunter way:
 * - u, how often two different people agree, from pairs drawn at random (nearly all of which
 *   are different people);
 * - m, how often one person's records agree, by expectation-maximisation over the pairs that
 *   share a block, where the duplicates are;
 * - the prior from the number of duplicate pairs that finds, over all possible pairs;
 * - `sameAddressU`, how people living together agree, from the same fit over pairs at one address
 *   (`sameAddressOtherSurnameU` is kept as the model has it: the data cannot tell it apart).
 * Levels that too few random pairs of different people reached keep the starting model's u
 * unless the sample bounds it lower.
 * Thresholds, labels and term-frequency settings are kept. Returns a new model.
 */
export function estimateParameters(records: MatchRecord[], model: MatchModel, opts: EstimateOptions = {}): MatchModel {
  const compiled = compileModel(model);
  const prepared = records.map(prepareRecord);
  const n = prepared.length;
  const totalPairs = (n * (n - 1)) / 2;
  if (n < 2) return structuredClone(model);
  const random = seededRandom(opts.seed ?? 1);
  const sampleSize = Math.min(opts.randomPairs ?? 1_000_000, totalPairs);
  const randomCounts = levelCounts(compiled);
  for (let s = 0; s < sampleSize; s++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    countLevels(compiled, prepared[i] as PreparedRecord, prepared[j] as PreparedRecord, randomCounts);
  }
  const patterns = new Map<number, number>();
  forEachCandidatePair(buildBlockIndex(prepared), (i, j) => {
    const key = patternKey(compiled, prepared[i] as PreparedRecord, prepared[j] as PreparedRecord);
    patterns.set(key, (patterns.get(key) ?? 0) + 1);
  });
  const fitted = runExpectationMaximisation(compiled, patterns, opts.maxIterations ?? 40);
  const next = structuredClone(model);
  const prior = Math.min(0.5, Math.max(fitted.expectedMatches / totalPairs, 1e-12));
  next.prior = prior;
  compiled.fields.forEach((field, f) => {
    const target = next.fields.find((candidate) => candidate.field === field.comparator.field);
    if (!target) return;
    const counts = randomCounts[f] as Float64Array;
    const nonNull = field.levels.reduce(
      (sum, level, l) => sum + (level && !level.isNull ? (counts[l] as number) : 0),
      0,
    );
    const household = fitted.sameAddressU[f];
    field.comparator.levels.forEach((id, l) => {
      const level = target.levels.find((candidate) => candidate.id === id);
      if (!level || level.isNull) return;
      if (household && target.sameAddressU) target.sameAddressU[id] = Math.max(household[l] as number, 1e-6);
      const m = Math.max((fitted.m[f] as Float64Array)[l] as number, 1e-4);
      level.m = m;
      if (nonNull === 0) return;
      // Some random pairs are the same person, more so in a small register: take out the share
      // the prior and m say they make up, so u describes different people only.
      const share = ((counts[l] as number) / nonNull - prior * m) / (1 - prior);
      const observed = share * nonNull;
      level.u = observed >= 10 ? share : Math.min(level.u, Math.max(observed + 1, 1) / nonNull);
    });
  });
  return next;
}

function levelCounts(compiled: CompiledModel): Float64Array[] {
  return compiled.fields.map((field) => new Float64Array(field.comparator.levels.length));
}

function countLevels(compiled: CompiledModel, a: PreparedRecord, b: PreparedRecord, counts: Float64Array[]): void {
  compiled.fields.forEach((field, f) => {
    const fieldCounts = counts[f] as Float64Array;
    const level = field.comparator.compare(a, b);
    fieldCounts[level] = (fieldCounts[level] as number) + 1;
  });
}

// Each field's level in four bits: at most 13 fields of up to 16 levels fit a double exactly.
function patternKey(compiled: CompiledModel, a: PreparedRecord, b: PreparedRecord): number {
  let key = 0;
  for (const field of compiled.fields) key = key * 16 + field.comparator.compare(a, b);
  return key;
}
