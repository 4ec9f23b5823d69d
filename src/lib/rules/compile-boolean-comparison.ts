import type { Operator } from "./condition";
import type { Predicate, Read } from "./predicate";

export function compileBooleanComparison(read: Read, op: Operator, value: unknown): Predicate {
  const c = value as boolean;
  if (op === "eq") return (facts) => read(facts) === c;
  if (op === "neq") {
    return (facts) => {
      const v = read(facts);
      return typeof v === "boolean" && v !== c;
    };
  }
  throw new Error(`"${op}" does not apply to booleans`);
}
