import { compileBooleanComparison } from "./compile-boolean-comparison";
import { compileNumberComparison } from "./compile-number-comparison";
import { compileTextComparison } from "./compile-text-comparison";
import { compileTimeComparison } from "./compile-time-comparison";
import type { Operator } from "./condition";
import type { FieldDef } from "./field-def";
import { normaliserFor } from "./normaliser-for";
import type { Predicate } from "./predicate";
import { DATE_SCALE, TIMESTAMP_SCALE } from "./time-scale";

/** The closure for one validated comparison: chosen by type and operator here, at compile time. */
export function compileComparison(def: FieldDef, op: Operator, value: unknown): Predicate {
  const read = def.js;
  if (op === "is_set" || op === "is_not_set") {
    const normalise = normaliserFor(def.type);
    return op === "is_set" ? (facts) => normalise(read(facts)) !== null : (facts) => normalise(read(facts)) === null;
  }
  switch (def.type) {
    case "number":
    case "kronor":
      return compileNumberComparison(read, op, value);
    case "text":
    case "choice":
      return compileTextComparison(read, op, value);
    case "boolean":
      return compileBooleanComparison(read, op, value);
    case "date":
      return compileTimeComparison(DATE_SCALE, read, op, value);
    case "timestamp":
      return compileTimeComparison(TIMESTAMP_SCALE, read, op, value);
  }
}
