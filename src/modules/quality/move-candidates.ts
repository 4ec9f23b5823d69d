import { and, eq, or } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { orderedPair, orientComparison } from "./ordered-pair";
import { matchCandidates } from "./schema";

/** An open candidate a merge pointed at the survivor, with the pair it had before. */
export interface TCandidateMove {
  id: string;
  personA: string;
  personB: string;
  /** True when the merge itself decided it: the pair was the survivor and the merged person. */
  closed?: boolean;
}

/**
 * A merge carries the merged person's open review pairs over to the survivor, so that the queue
 * keeps asking about the people who still exist: "Kalle and Karl may be one" stays a question
 * after Kalle was merged into Karl's older record. A pair that would join the survivor to itself
 * is closed as merged. Where the survivor already has a pair with the same person, that pair
 * holds the question and the merged person's one is left as it was.
 */
export async function moveCandidatesOfPerson(
  ctx: Ctx,
  fromPersonId: string,
  toPersonId: string,
): Promise<TCandidateMove[]> {
  const open = await ctx.db
    .select()
    .from(matchCandidates)
    .where(
      and(
        eq(matchCandidates.status, "open"),
        or(eq(matchCandidates.personA, fromPersonId), eq(matchCandidates.personB, fromPersonId)),
      ),
    );
  const moves: TCandidateMove[] = [];
  for (const candidate of open) {
    const other = candidate.personA === fromPersonId ? candidate.personB : candidate.personA;
    const before = { id: candidate.id, personA: candidate.personA, personB: candidate.personB };
    if (other === toPersonId) {
      await ctx.db
        .update(matchCandidates)
        .set({ status: "merged", decidedAt: ctx.clock.now() })
        .where(eq(matchCandidates.id, candidate.id));
      moves.push({ ...before, closed: true });
      continue;
    }
    const [personA, personB] = orderedPair(toPersonId, other);
    const [taken] = await ctx.db
      .select({ id: matchCandidates.id })
      .from(matchCandidates)
      .where(and(eq(matchCandidates.personA, personA), eq(matchCandidates.personB, personB)));
    if (taken) continue;
    // The comparison's "A" values belong to person A: they swap sides when the order does.
    const swapped = (candidate.personA === fromPersonId) !== (personA === toPersonId);
    await ctx.db
      .update(matchCandidates)
      .set({ personA, personB, comparison: orientComparison(candidate.comparison, swapped) })
      .where(eq(matchCandidates.id, candidate.id));
    moves.push(before);
  }
  return moves;
}

/**
 * An unmerge gives the moved pairs back to the restored person, where nobody has decided them
 * since; a pair decided in the meantime was decided about the survivor and stays with it. A pair
 * of the two people themselves, closed by the merge, is now known to be two people: distinct.
 */
export async function returnCandidates(ctx: Ctx, moves: readonly TCandidateMove[], personId: string): Promise<void> {
  for (const move of moves) {
    const [candidate] = await ctx.db.select().from(matchCandidates).where(eq(matchCandidates.id, move.id));
    if (!candidate || candidate.status !== (move.closed ? "merged" : "open")) continue;
    if (move.closed) {
      await ctx.db
        .update(matchCandidates)
        .set({ status: "distinct", decidedAt: ctx.clock.now() })
        .where(eq(matchCandidates.id, move.id));
      continue;
    }
    const other = move.personA === personId ? move.personB : move.personA;
    // The other person may have been merged into someone since: then the pair is no longer theirs.
    if (candidate.personA !== other && candidate.personB !== other) continue;
    const swapped = (candidate.personA === other) !== (move.personA === other);
    await ctx.db
      .update(matchCandidates)
      .set({
        personA: move.personA,
        personB: move.personB,
        comparison: orientComparison(candidate.comparison, swapped),
      })
      .where(eq(matchCandidates.id, move.id));
  }
}
