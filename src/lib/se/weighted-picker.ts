/**
 * Returns a function that picks a value with probability proportional to its weight, by binary
 * search over cumulative weights (O(log n) per pick, no allocation), so demo data follows real
 * name frequencies. Entries with a weight that is not a positive finite number are never picked.
 *
 * Throws a RangeError when no entry can be picked: that is a mistake in the caller's data, not
 * bad input from a user, and a picker that returns nothing has no sensible value to give.
 */
export function weightedPicker<T>(entries: ReadonlyArray<readonly [T, number]>): (random: () => number) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight > 0) || !Number.isFinite(weight)) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError("weightedPicker needs at least one entry with a positive weight.");
  const last = values.length - 1;
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}
