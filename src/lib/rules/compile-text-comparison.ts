import type { Operator } from "./condition";
import type { Predicate, Read } from "./predicate";

/** Text and choice comparisons: exact and case-sensitive, as PostgreSQL's `=` and `strpos` are. */
export function compileTextComparison(read: Read, op: Operator, value: unknown): Predicate {
  switch (op) {
    case "eq": {
      const c = value as string;
      return (facts) => read(facts) === c;
    }
    case "neq": {
      const c = value as string;
      return (facts) => {
        const v = read(facts);
        return typeof v === "string" && v !== c;
      };
    }
    case "in": {
      const set = new Set(value as string[]);
      return (facts) => {
        const v = read(facts);
        return typeof v === "string" && set.has(v);
      };
    }
    case "not_in": {
      const set = new Set(value as string[]);
      return (facts) => {
        const v = read(facts);
        return typeof v === "string" && !set.has(v);
      };
    }
    case "contains": {
      const c = value as string;
      return (facts) => {
        const v = read(facts);
        return typeof v === "string" && v.includes(c);
      };
    }
    case "starts_with": {
      const c = value as string;
      return (facts) => {
        const v = read(facts);
        return typeof v === "string" && v.startsWith(c);
      };
    }
    default:
      throw new Error(`"${op}" does not apply to text`);
  }
}
