import { ApiProblem } from "../api/api-problem";
import { listQueryObject } from "./list-filters";

/** "keep" leaves a field as each record has it; "none" empties it; anything else is an id or a stage. */
export type BulkChoice = "keep" | "none" | (string & {});

export interface BulkChoices {
  ownerId: BulkChoice;
  ownerTeamId: BulkChoice;
  lifecycleStage?: BulkChoice;
}

export const KEEP_ALL: BulkChoices = { ownerId: "keep", ownerTeamId: "keep" };

/** The `set` of POST /api/…/bulk-change: only what the user chose to change. */
export function bulkSet(choices: BulkChoices): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const [field, choice] of Object.entries(choices)) {
    if (choice === undefined || choice === "keep") continue;
    set[field] = choice === "none" ? null : choice;
  }
  return set;
}

/**
 * The records a refused change names (`ids.3`), as the ids that were sent: the list can then say
 * who they are and leave them out. An answer that names none (a fault of the whole request) gives
 * none.
 */
export function refusedIds(error: unknown, sent: readonly string[]): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors.flatMap((fault) => {
    const match = /^ids\.(\d+)$/.exec(fault.field);
    const id = match ? sent[Number(match[1])] : undefined;
    return id ? [id] : [];
  });
}

/** A list's search and filters as the bulk change takes them (`match`): the list's own query. */
export type BulkMatch = Record<string, string | readonly string[]>;

/**
 * The list's query without what does not choose records: its order, and filters left empty. The
 * order also matters: a name search in a chosen order keeps only its best matches.
 */
export function bulkMatch(params: Record<string, string | readonly string[] | undefined>): BulkMatch {
  const { sort: _, ...match } = listQueryObject(params);
  return match;
}

export interface RefusedRecord {
  id: string;
  name: string | null;
  code: string;
}

/** The records a refused change to everyone matched names, and how many were refused in all. */
export function refusedRecords(error: unknown): { records: RefusedRecord[]; count: number } {
  if (!(error instanceof ApiProblem)) return { records: [], count: 0 };
  const { records, refused } = error.extensions;
  const named = Array.isArray(records) ? (records as RefusedRecord[]) : [];
  return { records: named, count: typeof refused === "number" ? refused : named.length };
}
