import type { CompiledModel } from "./compile-model";
import type { MatchOutcome } from "./pair-score";

/**
 * The decision for a pair from its total weight and its levels (in the model's field order):
 * auto_merge needs the weight and no level that blocks it (unless one overrides blocks) and, when
 * the model marks identifying levels, one of those; otherwise a pair above the review threshold
 * is for a person to review.
 */
export function outcomeOf(compiled: CompiledModel, weight: number, levels: ArrayLike<number>): MatchOutcome {
  if (weight < compiled.reviewWeight) return "distinct";
  if (weight < compiled.autoMergeWeight) return "review";
  let identified = !compiled.autoMergeNeedsIdentifier;
  let blocked = false;
  let overridden = false;
  const { fields } = compiled;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f] as (typeof fields)[number];
    const level = levels[f] as number;
    if (field.blocksAutoMerge[level] === 1) blocked = true;
    if (field.overridesBlocks[level] === 1) overridden = true;
    if (field.identifies[level] === 1) identified = true;
  }
  return identified && (!blocked || overridden) ? "auto_merge" : "review";
}
