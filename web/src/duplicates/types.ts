/** The duplicate queue and merges as the API sends them; timestamps are ISO 8601 strings. */
import type { Person } from "../register/types";

export const MATCH_OUTCOMES = ["auto_merge", "review", "distinct"] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];

export const CANDIDATE_STATUSES = ["open", "merged", "distinct"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** How one field of the two records compared, and the weight (in bits) it added for or against. */
export interface FieldComparison {
  field: string;
  level: string;
  /** The matcher's own wording, in English; shown only for a level the app has no words for. */
  label: string;
  valueA: string | null;
  valueB: string | null;
  weight: number;
}

export interface MatchCandidate {
  id: string;
  personA: string;
  personB: string;
  /** 0–1 */
  probability: number;
  weight: number;
  outcome: MatchOutcome;
  comparison: FieldComparison[];
  status: CandidateStatus;
  detectedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  candidateId: string | null;
  decidedBy: "auto" | "person";
  mergedAt: string;
  mergedByUser: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface UndoneMerge {
  survivorId: string;
  restoredId: string;
  restoredFields: string[];
}

export interface PairScore {
  a: string;
  b: string;
  weight: number;
  probability: number;
  outcome: MatchOutcome;
}

/** What "check for duplicates now" found: the pairs scored, one merged at once, the rest queued. */
export interface MatchResult {
  personId: string;
  compared: number;
  scores: PairScore[];
  /** The other person of a merge made at once. */
  merged: string | null;
  queued: number;
}

/** One pair side by side: `a` is shown on the left, `b` on the right. */
export interface PairReview {
  candidate: MatchCandidate;
  a: Person;
  b: Person;
  /** The matcher's reasons in English, one line per field; the app words them from `comparison`. */
  explanation: string[];
}
