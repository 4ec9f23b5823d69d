import { assertValid } from "./assert-valid";
import { allOf, anyOf } from "./combine-predicates";
import { compileComparison } from "./compile-comparison";
import type { Condition } from "./condition";
import type { Facts, FieldDef } from "./field-def";
import type { FieldRegistry } from "./field-registry";
import type { Predicate } from "./predicate";

/**
 * The condition as a synchronous closure for per-event evaluation. Throws on an invalid
 * condition. A comparison whose field has no value is false, except `is_not_set`; `not` inverts.
 */
export function compileJs(condition: Condition, registry: FieldRegistry): (facts: Facts) => boolean {
  assertValid(condition, registry);
  return build(condition, registry);
}

function build(condition: Condition, registry: FieldRegistry): Predicate {
  if ("all" in condition) return allOf(condition.all.map((child) => build(child, registry)));
  if ("any" in condition) return anyOf(condition.any.map((child) => build(child, registry)));
  if ("not" in condition) {
    const inner = build(condition.not, registry);
    return (facts) => !inner(facts);
  }
  return compileComparison(registry.get(condition.field) as FieldDef, condition.op, condition.value);
}
