import { jaroWinkler } from "../se";
import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import { swappedNames } from "./swapped-names";
import { withinOneEdit } from "./within-one-edit";

export const SURNAME_LEVELS = [
  "exact",
  "fold_equal",
  "double_surname",
  "swapped_with_given",
  "jaro_winkler_95",
  "one_edit",
  "jaro_winkler_88",
  "different",
  "missing",
] as const;

/** "Double surname" is one name found inside the other's double name: Berg and Andersson Berg. */
export const compareSurname: FieldComparator = {
  field: "surname",
  levels: SURNAME_LEVELS,
  compare(a, b) {
    if (a.surname.length === 0 || b.surname.length === 0) return 8;
    if (a.surnameExact === b.surnameExact) return 0;
    if (a.surname === b.surname) return 1;
    if ((a.surnameParts.length > 1 || b.surnameParts.length > 1) && firstShared(a.surnameParts, b.surnameParts)) {
      return 2;
    }
    if (swappedNames(a, b)) return 3;
    const similarity = jaroWinkler(a.surname, b.surname);
    if (similarity >= 0.95) return 4;
    if (withinOneEdit(a.surname, b.surname)) return 5;
    if (similarity >= 0.88) return 6;
    return 7;
  },
  display: (record) => (record.record.surname.length > 0 ? record.record.surname : null),
  termKind: "surname",
  term: (a) => a.surname,
};
