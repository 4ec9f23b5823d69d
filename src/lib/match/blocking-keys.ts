import type { MatchRecord } from "./match-record";
import { prepareRecord } from "./prepare-record";
import { preparedBlockingKeys } from "./prepared-blocking-keys";

/** The keys a record is filed under: two records are compared if and only if they share one. */
export function blockingKeys(r: MatchRecord): string[] {
  return preparedBlockingKeys(prepareRecord(r), []);
}
