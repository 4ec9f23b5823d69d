/**
 * A 32-bit FNV-1a hash of a blocking key given as its parts, equal to the hash of the parts
 * joined by ":" but without building that string. Blocks are grouped by hash rather than by
 * string to keep a million records' keys in typed arrays; two keys that collide only put a few
 * extra pairs in front of the scorer, which tells them apart.
 */
export function hashKey(rule: string, first: string, second?: string, third?: string): number {
  let hash = mix(0x811c9dc5, rule);
  hash = mix(Math.imul(hash ^ 58, 0x01000193), first);
  if (second !== undefined) hash = mix(Math.imul(hash ^ 58, 0x01000193), second);
  if (third !== undefined) hash = mix(Math.imul(hash ^ 58, 0x01000193), third);
  return hash >>> 0;
}

function mix(start: number, text: string): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
