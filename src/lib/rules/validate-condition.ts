import { type ConditionIssue, isRecord, pathOf } from "./condition-issue";
import type { FieldRegistry } from "./field-registry";
import { LIMITS } from "./limits";
import { validateComparison } from "./validate-comparison";

/**
 * Every problem with a condition, each at its path ("all.2.value"), for the builder to show
 * beside the input; empty when both compilers can take it. Walks untrusted input without
 * descending past the caps, so a hostile condition costs no more than a valid one.
 */
export function validateCondition(condition: unknown, registry: FieldRegistry): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  let nodes = 0;

  const visit = (node: unknown, path: string, depth: number): void => {
    if (nodes > LIMITS.maxNodes) return;
    nodes += 1;
    if (nodes > LIMITS.maxNodes) {
      issues.push({ field: "", code: "too_many_nodes", message: `More than ${LIMITS.maxNodes} conditions` });
      return;
    }
    if (depth > LIMITS.maxDepth) {
      issues.push({ field: path, code: "too_deep", message: `Nested more than ${LIMITS.maxDepth} levels deep` });
      return;
    }
    if (!isRecord(node)) {
      issues.push({
        field: path,
        code: "invalid_shape",
        message: "Needs an object: { all }, { any }, { not } or { field, op, value }",
      });
      return;
    }
    const group = "all" in node ? "all" : "any" in node ? "any" : "not" in node ? "not" : null;
    if (group === null) {
      issues.push(...validateComparison(node, path, registry));
      return;
    }
    if (Object.keys(node).length !== 1) {
      issues.push({ field: path, code: "invalid_shape", message: `"${group}" must be the only key of its object` });
      return;
    }
    const inner = node[group];
    if (group === "not") {
      visit(inner, pathOf(path, "not"), depth + 1);
      return;
    }
    if (!Array.isArray(inner)) {
      issues.push({
        field: pathOf(path, group),
        code: "invalid_shape",
        message: `"${group}" needs a list of conditions`,
      });
      return;
    }
    if (inner.length === 0) {
      issues.push({
        field: pathOf(path, group),
        code: "empty_group",
        message: `"${group}" needs at least one condition`,
      });
      return;
    }
    for (let index = 0; index < inner.length && nodes <= LIMITS.maxNodes; index++) {
      visit(inner[index], pathOf(pathOf(path, group), index), depth + 1);
    }
  };

  visit(condition, "", 1);
  return issues;
}
