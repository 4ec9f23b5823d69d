import type { Operator, RelativeSpan } from "./condition";
import { nowOf } from "./now-of";
import type { Predicate, Read } from "./predicate";
import type { TimeScale } from "./time-scale";

/** Date and timestamp comparisons; constants are parsed here, once, never per evaluation. */
export function compileTimeComparison(scale: TimeScale, read: Read, op: Operator, value: unknown): Predicate {
  const at = scale.read;
  const point = (text: unknown): number => {
    const parsed = scale.parse(text as string);
    if (parsed === null) throw new Error(`"${String(text)}" is not a valid ${scale.sqlType}`);
    return parsed;
  };
  switch (op) {
    case "eq": {
      const c = point(value);
      return (facts) => at(read(facts)) === c;
    }
    case "neq": {
      const c = point(value);
      return (facts) => {
        const v = at(read(facts));
        return v !== null && v !== c;
      };
    }
    case "before": {
      const c = point(value);
      return (facts) => {
        const v = at(read(facts));
        return v !== null && v < c;
      };
    }
    case "after": {
      const c = point(value);
      return (facts) => {
        const v = at(read(facts));
        return v !== null && v > c;
      };
    }
    case "between": {
      const [lo, hi] = (value as [string, string]).map(point) as [number, number];
      return (facts) => {
        const v = at(read(facts));
        return v !== null && v >= lo && v <= hi;
      };
    }
    case "within_last": {
      const span = scale.units(value as RelativeSpan);
      const current = scale.current;
      return (facts) => {
        const v = at(read(facts));
        if (v === null) return false;
        const end = current(nowOf(facts));
        return v >= end - span && v <= end;
      };
    }
    case "more_than_ago": {
      const span = scale.units(value as RelativeSpan);
      const current = scale.current;
      return (facts) => {
        const v = at(read(facts));
        return v !== null && v < current(nowOf(facts)) - span;
      };
    }
    default:
      throw new Error(`"${op}" does not apply to ${scale.sqlType} fields`);
  }
}
