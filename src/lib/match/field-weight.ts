import { APART, type CompiledField, type CompiledModel, type Household, TOGETHER_OTHER_SURNAME } from "./compile-model";
import type { PreparedRecord } from "./prepare-record";
import { type TermFrequencies, termShare } from "./term-frequencies";

/**
 * The weight of one field at `level`. On a term-frequency level the share of records with the
 * agreeing name stands in for u, floored at the model's minimum, so agreeing on Andersson counts
 * for less than agreeing on Wahlström. When the two live at one address, fields that depend on
 * it are weighed against people living together instead, and names are not weighed by
 * frequency: a household shares its surname whether it is common or rare. People at one address
 * with different surnames have weights of their own where the model gives them.
 */
export function fieldWeight(
  compiled: CompiledModel,
  field: CompiledField,
  level: number,
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: TermFrequencies | undefined,
  household: Household,
): number {
  if (household === TOGETHER_OTHER_SURNAME && field.otherSurnameWeights !== null) {
    return field.otherSurnameWeights[level] as number;
  }
  if (household !== APART && field.sameAddressWeights !== null) return field.sameAddressWeights[level] as number;
  const base = field.weights[level] as number;
  if (frequencies === undefined || field.termFrequency[level] !== 1) return base;
  const { comparator } = field;
  if (comparator.term === undefined || comparator.termKind === undefined) return base;
  const term = comparator.term(a, b);
  if (term === null) return base;
  const share = termShare(frequencies, comparator.termKind, term);
  if (share === null) return base;
  return Math.log2((field.m[level] as number) / Math.max(share, compiled.termFrequencyMinimum));
}
