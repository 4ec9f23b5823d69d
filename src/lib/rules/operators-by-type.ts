import type { Operator } from "./condition";
import type { FieldType } from "./field-def";

const NUMERIC: readonly Operator[] = ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "not_in"];
const TEXTUAL: readonly Operator[] = ["eq", "neq", "in", "not_in", "contains", "starts_with"];
// Time fields have no gt/lt: before/after say the same in words the builder shows.
const TEMPORAL: readonly Operator[] = ["eq", "neq", "before", "after", "between", "within_last", "more_than_ago"];
const PRESENCE: readonly Operator[] = ["is_set", "is_not_set"];

/** The operators each field type offers; text has no ordering since that would depend on the database locale. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  number: [...NUMERIC, ...PRESENCE],
  kronor: [...NUMERIC, ...PRESENCE],
  text: [...TEXTUAL, ...PRESENCE],
  choice: [...TEXTUAL, ...PRESENCE],
  boolean: ["eq", "neq", ...PRESENCE],
  date: [...TEMPORAL, ...PRESENCE],
  timestamp: [...TEMPORAL, ...PRESENCE],
};
