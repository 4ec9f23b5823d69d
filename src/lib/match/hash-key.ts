/**
 * A 32-bit FNV-1a hash of a blocking key. Blocks are grouped by hash rather than by string to
 * keep a million records' keys in typed arrays; two keys that collide only put a few extra
 * pairs in front of the scorer, which tells them apart.
 */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
