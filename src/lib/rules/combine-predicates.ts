import type { Predicate } from "./predicate";

// Fixed arities avoid a loop and an array read per evaluation; most rules have two to four parts.

export function allOf(parts: readonly Predicate[]): Predicate {
  const [a, b, c, d] = parts;
  if (parts.length === 1 && a) return a;
  if (parts.length === 2 && a && b) return (facts) => a(facts) && b(facts);
  if (parts.length === 3 && a && b && c) return (facts) => a(facts) && b(facts) && c(facts);
  if (parts.length === 4 && a && b && c && d) return (facts) => a(facts) && b(facts) && c(facts) && d(facts);
  return (facts) => {
    for (const part of parts) if (!part(facts)) return false;
    return true;
  };
}

export function anyOf(parts: readonly Predicate[]): Predicate {
  const [a, b, c, d] = parts;
  if (parts.length === 1 && a) return a;
  if (parts.length === 2 && a && b) return (facts) => a(facts) || b(facts);
  if (parts.length === 3 && a && b && c) return (facts) => a(facts) || b(facts) || c(facts);
  if (parts.length === 4 && a && b && c && d) return (facts) => a(facts) || b(facts) || c(facts) || d(facts);
  return (facts) => {
    for (const part of parts) if (part(facts)) return true;
    return false;
  };
}
