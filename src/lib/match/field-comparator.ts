import type { MatchField } from "./match-model";
import type { PreparedRecord } from "./prepare-record";

/**
 * How one field of two records is compared. `compare` returns an index into `levels`, the level
 * ids in the order they are tried; the model gives each id its m and u. A comparator that has
 * term-frequency levels names the term the two records agreed on, so a common name can weigh
 * less than a rare one.
 */
export interface FieldComparator {
  field: MatchField;
  levels: readonly string[];
  compare(a: PreparedRecord, b: PreparedRecord): number;
  /** The field's value as shown in an explanation. */
  display(record: PreparedRecord): string | null;
  termKind?: "surname" | "givenName";
  term?(a: PreparedRecord, b: PreparedRecord): string | null;
}
