import { inArray, or } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { merges } from "./schema";

/** What a merge's snapshot holds once a person in it was erased. */
export const REDACTED_MERGE_SNAPSHOT = { redacted: "erased" } as const;

/**
 * A merge's snapshot keeps both records as they were (names, personnummer, addresses, e-mails),
 * for undoing. An erasure empties the snapshot of every merge its people took part in; the merge
 * itself (who, when, which ids) stays as history, and can no longer be undone. Returns the merge
 * ids. Must run inside the erasure transaction.
 */
export async function redactMergesOfPeople(ctx: Ctx, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  const redacted = await ctx.db
    .update(merges)
    .set({ snapshot: { ...REDACTED_MERGE_SNAPSHOT } })
    .where(or(inArray(merges.survivorId, ids), inArray(merges.mergedId, ids)))
    .returning({ id: merges.id });
  return redacted.map((row) => row.id);
}
