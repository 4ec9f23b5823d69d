import { jaroWinkler } from "../se";
import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import { levelIndices } from "./level-indices";
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
const level = levelIndices(SURNAME_LEVELS);

/** "Double surname" is one name found inside the other's double name: Berg and Andersson Berg. */
export const compareSurname: FieldComparator = {
  field: "surname",
  levels: SURNAME_LEVELS,
  compare(a, b) {
    if (a.surname.length === 0 || b.surname.length === 0) return level.missing;
    if (a.surnameExact === b.surnameExact) return level.exact;
    if (a.surname === b.surname) return level.fold_equal;
    if ((a.surnameParts.length > 1 || b.surnameParts.length > 1) && firstShared(a.surnameParts, b.surnameParts)) {
      return level.double_surname;
    }
    if (swappedNames(a, b)) return level.swapped_with_given;
    const similarity = jaroWinkler(a.surname, b.surname);
    if (similarity >= 0.95) return level.jaro_winkler_95;
    if (withinOneEdit(a.surname, b.surname)) return level.one_edit;
    if (similarity >= 0.88) return level.jaro_winkler_88;
    return level.different;
  },
  display: (record) => (record.record.surname.length > 0 ? record.record.surname : null),
  termKind: "surname",
  term: (a) => a.surname,
};
