import { parsePersonnummer, transposedDigits } from "../se";
import type { FieldComparator } from "./field-comparator";
import { levelIndices } from "./level-indices";

export const PERSONNUMMER_LEVELS = ["exact", "transposed", "different", "missing"] as const;
const level = levelIndices(PERSONNUMMER_LEVELS);

/**
 * "Transposed" is a slip of the hand: two neighbouring digits swapped, which the check digit
 * catches, so one of the two numbers must fail it. Two valid numbers a swap apart belong to two
 * people born the same day more often than to one.
 */
export const comparePersonnummer: FieldComparator = {
  field: "personnummer",
  levels: PERSONNUMMER_LEVELS,
  compare(a, b) {
    if (a.personnummer === null || b.personnummer === null) return level.missing;
    if (a.personnummer === b.personnummer) return level.exact;
    if (transposedDigits(a.personnummer, b.personnummer) && !(isValid(a.personnummer) && isValid(b.personnummer))) {
      return level.transposed;
    }
    return level.different;
  },
  display: (record) => record.personnummer,
};

function isValid(personnummer: string): boolean {
  return parsePersonnummer(personnummer).ok;
}
