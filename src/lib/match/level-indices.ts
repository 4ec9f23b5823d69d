/** Each level id mapped to its position, so a comparator returns `level.exact` rather than 0. */
export function levelIndices<const T extends readonly string[]>(levels: T): { readonly [K in T[number]]: number } {
  return Object.freeze(Object.fromEntries(levels.map((id, index) => [id, index]))) as {
    readonly [K in T[number]]: number;
  };
}
