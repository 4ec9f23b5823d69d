/** A pair is stored in id order, so it is stored once whichever record arrived first. */
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

interface TComparedField {
  valueA?: unknown;
  valueB?: unknown;
}

/** The comparison's "A" values belong to person A: when the pair's order flips, so do they. */
export function orientComparison(fields: readonly unknown[], swap: boolean): unknown[] {
  if (!swap) return [...fields];
  return fields.map((field) => {
    const { valueA, valueB, ...rest } = field as TComparedField;
    return { ...rest, valueA: valueB, valueB: valueA };
  });
}
