import { compileModel } from "./compile-model";
import type { MatchModel } from "./match-model";
import type { MatchRecord } from "./match-record";
import type { PairScore } from "./pair-score";
import { pairScoreOf } from "./pair-score-of";
import { prepareRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

/**
 * Scores two records under a Fellegi-Sunter model: each field lands on one comparison level,
 * its weight is log2(m/u), and the prior plus the weights are the log2 odds that the two are
 * one person. Without term frequencies no name is weighed by how common it is.
 */
export function scorePair(a: MatchRecord, b: MatchRecord, model: MatchModel, tf?: TermFrequencies): PairScore {
  return pairScoreOf(compileModel(model), prepareRecord(a), prepareRecord(b), tf);
}
