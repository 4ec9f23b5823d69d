/**
 * Caps on one condition. Rules run per event on the hot path and compile into one SQL statement,
 * so a condition must stay small enough for both; the builder never needs more.
 */
export const LIMITS: Readonly<{ maxDepth: 8; maxNodes: 200; maxInValues: 500 }> = Object.freeze({
  maxDepth: 8,
  maxNodes: 200,
  maxInValues: 500,
});
