import type { Operator } from "./condition";

/**
 * One node of an evaluated condition, plain JSON so decisions can be stored and explained later.
 * `seen` is the field's value in display form (dates as YYYY-MM-DD, timestamps as ISO), or null.
 */
export interface TraceNode {
  kind: "all" | "any" | "not" | "compare";
  result: boolean;
  field?: string;
  label?: string;
  op?: Operator;
  seen?: unknown;
  expected?: unknown;
  children?: TraceNode[];
}
