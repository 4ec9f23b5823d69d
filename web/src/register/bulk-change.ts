import { ApiProblem } from "../api/api-problem";

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
