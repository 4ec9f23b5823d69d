import type { Person } from "../register/types";
import type { FieldComparison } from "./types";

/**
 * The comparison with `valueA` from the left record and `valueB` from the right. The queue files
 * a pair under its two ids in a fixed order but keeps the values in the order the matcher met
 * them, so they can come reversed; the surname and birth date, which the matcher shows as the
 * records hold them, tell which way round they are.
 */
export function orientComparison(comparison: FieldComparison[], left: Person, right: Person): FieldComparison[] {
  const sides: Record<string, [string | null, string | null]> = {
    surname: [left.surname, right.surname],
    birth_date: [left.birthDate, right.birthDate],
  };
  const reversed = comparison.some((field) => {
    const [leftValue, rightValue] = sides[field.field] ?? [null, null];
    return (
      leftValue !== rightValue &&
      field.valueA !== field.valueB &&
      field.valueA === rightValue &&
      field.valueB === leftValue
    );
  });
  return reversed ? comparison.map((field) => ({ ...field, valueA: field.valueB, valueB: field.valueA })) : comparison;
}
