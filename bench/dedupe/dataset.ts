import type { MatchRecord } from "../../src/lib/match";

/** Errors a duplicate record carries, each scored on its own. */
export const ERROR_TAGS = [
  "typo",
  "aao_spelling",
  "nickname",
  "first_given_name",
  "swapped_names",
  "marriage_surname",
  "moved",
  "format_variants",
  "missing_personnummer",
] as const;
export type ErrorTag = (typeof ERROR_TAGS)[number];

/** Other people made to look like someone already there, who must not be merged with them. */
export const HARD_TAGS = ["twin", "parent_child", "common_name"] as const;
export type HardTag = (typeof HARD_TAGS)[number];

export interface Address {
  street: string;
  /** Five digits. */
  postnummer: string;
  city: string;
}

/** One real person behind the records: the ground truth. */
export interface Entity {
  id: number;
  sex: "female" | "male";
  givenNames: string[];
  /** 1-based positions of the marked given names. */
  preferred: number[];
  surname: string;
  personnummer: string;
  birthDate: string;
  /** Oldest first; a move adds one. */
  addresses: Address[];
  emails: string[];
  phones: string[];
  /** Set on a person made as a hard non-match of another. */
  hard?: { tag: HardTag; of: number };
}

export interface GeneratedRecord {
  record: MatchRecord;
  entityId: number;
  /** Empty for a clean record. */
  tags: ErrorTag[];
  source: string;
  /** ISO date the source last saw the record. */
  observedAt: string;
}

export interface Dataset {
  records: GeneratedRecord[];
  entities: Entity[];
  personnummer: "present" | "absent";
  seed: number;
}
