/**
 * A string function with its answers kept, for the folding and normalising done once per name or
 * street of every record: a register repeats the same few thousand names, so a million records
 * fold a few thousand strings and share the results rather than hold a million copies. The
 * cache stops growing at `capacity` and then only answers what it already holds.
 */
export function memoise<T>(compute: (input: string) => T, capacity = 200_000): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    const hit = known.get(input);
    if (hit !== undefined) return hit;
    const value = compute(input);
    if (known.size < capacity) known.set(input, value);
    return value;
  };
}
