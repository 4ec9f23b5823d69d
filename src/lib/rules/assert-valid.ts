import type { Condition } from "./condition";
import type { FieldRegistry } from "./field-registry";
import { validateCondition } from "./validate-condition";

/**
 * The compilers rely on validated constants (parsed dates, finite numbers, known fields), so they
 * refuse anything else outright rather than compile a rule that means something unintended.
 */
export function assertValid(condition: Condition, registry: FieldRegistry): void {
  const issues = validateCondition(condition, registry);
  if (issues.length === 0) return;
  const list = issues.map((issue) => `${issue.field || "condition"}: ${issue.message}`).join("; ");
  throw new Error(`Invalid rule condition: ${list}`);
}
