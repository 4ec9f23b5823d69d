import type { Facts } from "./field-def";
import { toEpochMs } from "./to-epoch-ms";

/** The evaluation's instant in ms; a missing `now` is the caller's bug, so it throws. */
export function nowOf(facts: Facts): number {
  const now = facts.now;
  if (now instanceof Date) {
    const ms = now.getTime();
    if (!Number.isNaN(ms)) return ms;
  }
  const ms = toEpochMs(now);
  if (ms === null) throw new Error("facts.now must be a valid Date");
  return ms;
}
