/** The first entry of `a` that `b` also has, or null. Lists here hold one to a few entries. */
export function firstShared(a: readonly string[], b: readonly string[]): string | null {
  if (a === b) return a[0] ?? null;
  for (const value of a) {
    if (b.includes(value)) return value;
  }
  return null;
}
