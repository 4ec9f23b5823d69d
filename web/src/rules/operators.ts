import type { FieldType, Operator } from "./types";

const NUMERIC: readonly Operator[] = ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "not_in"];
const TEXTUAL: readonly Operator[] = ["eq", "neq", "in", "not_in", "contains", "starts_with"];
const TEMPORAL: readonly Operator[] = ["eq", "neq", "before", "after", "between", "within_last", "more_than_ago"];
const PRESENCE: readonly Operator[] = ["is_set", "is_not_set"];

/** The operators the server accepts for each field type; the builder offers no others. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  number: [...NUMERIC, ...PRESENCE],
  kronor: [...NUMERIC, ...PRESENCE],
  text: [...TEXTUAL, ...PRESENCE],
  choice: [...TEXTUAL, ...PRESENCE],
  boolean: ["eq", "neq", ...PRESENCE],
  date: [...TEMPORAL, ...PRESENCE],
  timestamp: [...TEMPORAL, ...PRESENCE],
};

/** What a new row of a field of the type compares with first: the comparison most rules use. */
const FIRST_OPERATOR: Readonly<Record<FieldType, Operator>> = {
  number: "gt",
  kronor: "gt",
  text: "eq",
  choice: "eq",
  boolean: "eq",
  date: "before",
  timestamp: "within_last",
};

export function firstOperator(type: FieldType): Operator {
  return FIRST_OPERATOR[type];
}

/** The shape of the value an operator takes: none, one, a [from, to] pair, a list or a relative span. */
export type ValueShape = "none" | "scalar" | "pair" | "list" | "span";

export function valueShape(op: Operator): ValueShape {
  switch (op) {
    case "is_set":
    case "is_not_set":
      return "none";
    case "between":
      return "pair";
    case "in":
    case "not_in":
      return "list";
    case "within_last":
    case "more_than_ago":
      return "span";
    default:
      return "scalar";
  }
}
