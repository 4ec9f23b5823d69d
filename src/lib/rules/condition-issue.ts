/** One problem with a condition: `field` is its path, e.g. "all.2.value"; "" is the whole condition. */
export interface ConditionIssue {
  field: string;
  code:
    | "invalid_shape"
    | "unknown_operator"
    | "unknown_field"
    | "operator_not_allowed"
    | "invalid_value"
    | "empty_group"
    | "too_deep"
    | "too_many_nodes"
    | "too_many_values";
  message: string;
}

export function pathOf(parent: string, segment: string | number): string {
  return parent === "" ? String(segment) : `${parent}.${segment}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
