import { CANDIDATE_STATUSES, type CandidateStatus } from "./types";

/** The queue's filter, in the address so a link can lead to the decided pairs. Open is the default. */
export interface DuplicatesSearch {
  status?: Exclude<CandidateStatus, "open">;
}

const isDecided = (value: unknown): value is DuplicatesSearch["status"] =>
  value !== "open" && CANDIDATE_STATUSES.includes(value as CandidateStatus);

export function validateDuplicatesSearch(search: Record<string, unknown>): DuplicatesSearch {
  return { status: isDecided(search.status) ? search.status : undefined };
}
