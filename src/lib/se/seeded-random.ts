/**
 * A deterministic generator of numbers in [0, 1) (mulberry32: 32 bits of state, a few integer
 * operations per call), for demo data and benchmarks that must come out the same on every run.
 * Not for anything secret. The seed is taken as an unsigned 32-bit integer.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
