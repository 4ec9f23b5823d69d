import { compareAddress } from "./compare-address";
import { compareBirthDate } from "./compare-birth-date";
import { compareEmail } from "./compare-email";
import { compareGivenNames } from "./compare-given-names";
import { comparePersonnummer } from "./compare-personnummer";
import { comparePhone } from "./compare-phone";
import { compareSurname } from "./compare-surname";
import type { FieldComparator } from "./field-comparator";

/** Every field the matcher knows, in the order a model lists them and an explanation reads. */
export const COMPARATORS: readonly FieldComparator[] = [
  comparePersonnummer,
  compareGivenNames,
  compareSurname,
  compareBirthDate,
  compareAddress,
  compareEmail,
  comparePhone,
];
