import type { CompiledModel } from "./compile-model";
import type { FieldComparison, MatchOutcome, PairScore } from "./pair-score";
import { pairScoreOf, probabilityOf } from "./pair-score-of";
import type { PreparedRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

/**
 * A pair score whose field-by-field comparisons are worked out when first read. Deduplicating a
 * million records yields about a million pairs, and most are merged or queued without anyone
 * reading their explanation; building them all up front took longer than scoring. `fields` is an
 * own enumerable getter, so spreading, JSON and structured cloning still see it.
 */
export function lazyPairScore(
  compiled: CompiledModel,
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: TermFrequencies | undefined,
  weight: number,
  outcome: MatchOutcome,
): PairScore {
  let fields: FieldComparison[] | undefined;
  const score = { a: a.record.id, b: b.record.id, weight, probability: probabilityOf(weight), outcome } as PairScore;
  Object.defineProperty(score, "fields", {
    enumerable: true,
    configurable: true,
    get: () => {
      fields ??= pairScoreOf(compiled, a, b, frequencies).fields;
      return fields;
    },
    set: (value: FieldComparison[]) => {
      fields = value;
    },
  });
  return score;
}
