import { OPERATORS, type Operator } from "./condition";
import { type ConditionIssue, pathOf } from "./condition-issue";
import type { FieldRegistry } from "./field-registry";
import { OPERATORS_BY_TYPE } from "./operators-by-type";
import { validateValue } from "./validate-value";

const COMPARISON_KEYS = new Set(["field", "op", "value"]);

/** The issues with one `{ field, op, value }` node at `path`. */
export function validateComparison(
  node: Record<string, unknown>,
  path: string,
  registry: FieldRegistry,
): ConditionIssue[] {
  const extra = Object.keys(node).filter((key) => !COMPARISON_KEYS.has(key));
  if (extra.length > 0 || typeof node.field !== "string" || typeof node.op !== "string") {
    const message = extra.length
      ? `Unexpected ${extra.map((key) => `"${key}"`).join(", ")}: a condition is { all }, { any }, { not } or { field, op, value }`
      : "Needs { field, op, value }, or one of { all }, { any }, { not }";
    return [{ field: path, code: "invalid_shape", message }];
  }
  const { field, op } = node;
  if (!(OPERATORS as readonly string[]).includes(op)) {
    return [{ field: pathOf(path, "op"), code: "unknown_operator", message: `Unknown operator "${op}"` }];
  }
  const def = registry.get(field);
  if (!def) return [{ field: pathOf(path, "field"), code: "unknown_field", message: `Unknown field "${field}"` }];
  if (!OPERATORS_BY_TYPE[def.type].includes(op as Operator)) {
    const message = `"${op}" does not apply to ${def.type} fields such as "${def.label}"`;
    return [{ field: pathOf(path, "op"), code: "operator_not_allowed", message }];
  }
  return validateValue(def, op as Operator, node.value, pathOf(path, "value"));
}
