import { inArray, or } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { matchCandidates } from "./schema";

/**
 * An erasure takes the erased people's pairs out of the review queue, whatever their status: a
 * pair's comparison holds both records' names, personnummer, birth date, e-mails, phones and
 * postcode side by side, and there is nothing left to decide about a record that is gone.
 * Returns the ids removed, so the erasure can redact their audit entries. Must run inside the
 * erasure transaction.
 */
export async function eraseCandidatesOfPeople(ctx: Ctx, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  const removed = await ctx.db
    .delete(matchCandidates)
    .where(or(inArray(matchCandidates.personA, ids), inArray(matchCandidates.personB, ids)))
    .returning({ id: matchCandidates.id });
  return removed.map((row) => row.id);
}
