import type { Operator } from "./condition";
import type { Predicate, Read } from "./predicate";
import { toNumber } from "./to-number";

// Kept tiny so the engine inlines it: plain numbers skip the conversion call entirely.
const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : toNumber(value));

/** One closure per operator, the constants bound once: the hot path has no switch and no parsing. */
export function compileNumberComparison(read: Read, op: Operator, value: unknown): Predicate {
  switch (op) {
    case "eq": {
      const c = value as number;
      return (facts) => asNumber(read(facts)) === c;
    }
    case "neq": {
      const c = value as number;
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v !== c;
      };
    }
    case "gt": {
      const c = value as number;
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v > c;
      };
    }
    case "gte": {
      const c = value as number;
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v >= c;
      };
    }
    case "lt": {
      const c = value as number;
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v < c;
      };
    }
    case "lte": {
      const c = value as number;
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v <= c;
      };
    }
    case "between": {
      const [lo, hi] = value as [number, number];
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && v >= lo && v <= hi;
      };
    }
    case "in": {
      const set = new Set(value as number[]);
      return (facts) => set.has(asNumber(read(facts)) as number);
    }
    case "not_in": {
      const set = new Set(value as number[]);
      return (facts) => {
        const v = asNumber(read(facts));
        return v !== null && !set.has(v);
      };
    }
    default:
      throw new Error(`"${op}" does not apply to numbers`);
  }
}
