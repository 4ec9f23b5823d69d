import { jaroWinkler } from "../se";
import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import { levelIndices } from "./level-indices";
import type { PreparedRecord } from "./prepare-record";
import { swappedNames } from "./swapped-names";
import { withinOneEdit } from "./within-one-edit";

export const GIVEN_NAME_LEVELS = [
  "exact",
  "fold_equal",
  "preferred",
  "nickname",
  "swapped_order",
  "first_for_preferred",
  "other_given_name",
  "swapped_with_surname",
  "jaro_winkler_95",
  "one_edit",
  "jaro_winkler_88",
  "different_single_name",
  "different",
  "missing",
] as const;
const level = levelIndices(GIVEN_NAME_LEVELS);

/**
 * Given names agree in steps from the same list spelt the same down to names that are merely
 * alike. "Preferred" means the names the two go by agree: Karl Stig Emanuel, called Stig, and a
 * record that says only Stig. "First for preferred" is the register's classic slip: Karl Stig
 * Emanuel called Stig against a record that says only Karl, a system having taken the first
 * name instead of the marked one. "Other given name" is weaker still: any name of one among the
 * other's; two different people share a middle name often enough that this is only a hint.
 * Names that differ are split too: when a record gives a single unmarked name, it may be one of
 * the person's other names (Stig against Karl for Karl Stig), which full lists rule out.
 */
export const compareGivenNames: FieldComparator = {
  field: "given_names",
  levels: GIVEN_NAME_LEVELS,
  compare(a, b) {
    if (a.given.length === 0 || b.given.length === 0) return level.missing;
    if (a.givenExact === b.givenExact) return level.exact;
    if (a.givenKey === b.givenKey) return level.fold_equal;
    if (firstShared(a.call, b.call) !== null) return level.preferred;
    if (firstShared(a.callCanonical, b.callCanonical) !== null) return level.nickname;
    if (a.given.length > 1 && a.givenSortedKey === b.givenSortedKey) return level.swapped_order;
    if (tookFirstForPreferred(a, b) || tookFirstForPreferred(b, a)) return level.first_for_preferred;
    if (firstShared(a.canonical, b.canonical) !== null) return level.other_given_name;
    if (swappedNames(a, b)) return level.swapped_with_surname;
    const similarity = bestJaroWinkler(a.given, b.given);
    if (similarity >= 0.95) return level.jaro_winkler_95;
    if (anyWithinOneEdit(a.given, b.given)) return level.one_edit;
    if (similarity >= 0.88) return level.jaro_winkler_88;
    // One unmarked name may be any of the person's names, so a difference says less.
    return a.singleUnmarked || b.singleUnmarked ? level.different_single_name : level.different;
  },
  display: (record) => (record.record.givenNames.length > 0 ? displayGivenNames(record) : null),
  termKind: "givenName",
  term: (a, b) => firstShared(a.call, b.call) ?? a.call[0] ?? null,
};

/** `single` gives only the first of `full`'s given names, where `full` is marked to go by another. */
function tookFirstForPreferred(full: PreparedRecord, single: PreparedRecord): boolean {
  return (
    single.singleUnmarked &&
    full.given.length > 1 &&
    full.record.preferredGivenNames.length > 0 &&
    full.call[0] !== full.given[0] &&
    single.canonical[0] === full.canonical[0]
  );
}

function anyWithinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    for (const y of b) if (withinOneEdit(x, y)) return true;
  }
  return false;
}

function bestJaroWinkler(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      const similarity = jaroWinkler(x, y);
      if (similarity > best) best = similarity;
    }
  }
  return best;
}

// The marked names are shown after the list, as a reader needs them to follow "preferred".
function displayGivenNames(prepared: PreparedRecord): string {
  const { givenNames, preferredGivenNames } = prepared.record;
  const names = givenNames.join(" ");
  if (givenNames.length < 2 || preferredGivenNames.length === 0) return names;
  return `${names} (called ${preferredGivenNames.join(" ")})`;
}
