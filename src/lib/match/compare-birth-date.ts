import { transposedDigits } from "../se";
import type { FieldComparator } from "./field-comparator";
import { levelIndices } from "./level-indices";

export const BIRTH_DATE_LEVELS = ["exact", "one_part_differs", "different", "missing"] as const;
const level = levelIndices(BIRTH_DATE_LEVELS);

/**
 * "One part differs": the same year and month, the same year and day, the same day and month
 * with a year one keystroke off (1958 for 1985, 1986 for 1985), or day and month swapped. A
 * year that is simply another year is not a slip of the hand: a parent and a child can share a
 * birthday.
 */
export const compareBirthDate: FieldComparator = {
  field: "birth_date",
  levels: BIRTH_DATE_LEVELS,
  compare(a, b) {
    if (a.birthDate === null || b.birthDate === null) return level.missing;
    if (a.birthDate === b.birthDate) return level.exact;
    const sameYear = a.birthYear === b.birthYear;
    const sameMonth = a.birthMonth === b.birthMonth;
    const sameDay = a.birthDay === b.birthDay;
    if (sameYear && (sameMonth || sameDay)) return level.one_part_differs;
    if (sameMonth && sameDay && oneKeystrokeApart(String(a.birthYear), String(b.birthYear)))
      return level.one_part_differs;
    if (sameYear && a.birthMonth === b.birthDay && a.birthDay === b.birthMonth) return level.one_part_differs;
    return level.different;
  },
  display: (record) => record.birthDate,
};

function oneKeystrokeApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) differences++;
  return differences === 1 || transposedDigits(a, b);
}
