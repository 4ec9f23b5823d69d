export const OPERATORS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "in",
  "not_in",
  "contains",
  "starts_with",
  "is_set",
  "is_not_set",
  "within_last",
  "more_than_ago",
  "before",
  "after",
] as const;

export type Operator = (typeof OPERATORS)[number];

export interface Comparison {
  field: string;
  op: Operator;
  value?: unknown;
}

/**
 * A rule condition. Value shapes: a scalar for eq/neq/gt/…; `[lo, hi]` for between (inclusive);
 * an array for in/not_in; `{ amount, unit }` for within_last/more_than_ago; an ISO date or
 * timestamp string for before/after and date/timestamp eq.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

export type RelativeUnit = "minutes" | "hours" | "days";

/** A relative span once validated: `within_last` and `more_than_ago` values. */
export interface RelativeSpan {
  amount: number;
  unit: RelativeUnit;
}
