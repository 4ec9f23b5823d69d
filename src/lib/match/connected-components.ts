/**
 * Groups of records joined by the given pairs (union-find with path halving): each group with
 * two or more members, members ascending, groups in order of their smallest member.
 */
export function connectedComponents(count: number, left: ArrayLike<number>, right: ArrayLike<number>): number[][] {
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (x: number): number => {
    let node = x;
    while (parent[node] !== node) {
      const grand = parent[parent[node] as number] as number;
      parent[node] = grand;
      node = grand;
    }
    return node;
  };
  for (let p = 0; p < left.length; p++) {
    const a = find(left[p] as number);
    const b = find(right[p] as number);
    // The smaller index becomes the root, so a root is always its group's first member.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const sizes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const root = find(i);
    sizes[root] = (sizes[root] as number) + 1;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = find(i);
    if ((sizes[root] as number) < 2) continue;
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}
