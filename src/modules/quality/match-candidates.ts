import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import type { PairScore } from "../../lib/match";
import { orderedPair, orientComparison } from "./ordered-pair";
import { CANDIDATE_STATUSES, matchCandidates } from "./schema";

export const ZMatchCandidate = z.object({
  id: z.uuid(),
  personA: z.uuid(),
  personB: z.uuid(),
  probability: z.number(),
  weight: z.number(),
  outcome: z.enum(["auto_merge", "review", "distinct"]),
  comparison: z.array(z.unknown()),
  status: z.enum(CANDIDATE_STATUSES),
  detectedAt: z.date(),
  decidedAt: z.date().nullable(),
  decidedBy: z.uuid().nullable(),
});
export type TMatchCandidate = z.infer<typeof ZMatchCandidate>;

/**
 * Files a scored pair. A pair once marked distinct stays distinct: the matcher does not ask the
 * same question twice. Returns the candidate, or null for a pair already decided.
 */
export async function recordMatchCandidate(
  ctx: Ctx,
  score: PairScore,
  status: "open" | "merged" = "open",
): Promise<TMatchCandidate | null> {
  authorize(ctx.actor, "register", "write");
  const [personA, personB] = orderedPair(score.a, score.b);
  const fields = orientComparison(score.fields, personA !== score.a);
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select()
      .from(matchCandidates)
      .where(and(eq(matchCandidates.personA, personA), eq(matchCandidates.personB, personB)));
    if (existing && existing.status !== "open") return null;
    const values = {
      probability: score.probability,
      weight: score.weight,
      outcome: score.outcome,
      comparison: fields as unknown[],
      status,
      detectedAt: tx.clock.now(),
      ...(status === "merged" ? { decidedAt: tx.clock.now() } : {}),
    };
    if (existing) {
      const [row] = await tx.db
        .update(matchCandidates)
        .set(values)
        .where(eq(matchCandidates.id, existing.id))
        .returning();
      return row ?? null;
    }
    const [row] = await tx.db
      .insert(matchCandidates)
      .values({ id: newId(tx), personA, personB, ...values })
      .returning();
    if (row) {
      await recordAudit(tx, {
        action: "match_candidate.detect",
        entity: "match_candidate",
        entityId: row.id,
        after: { personA, personB, probability: row.probability, outcome: row.outcome, status: row.status },
      });
    }
    return row ?? null;
  });
}

export const ZListMatchCandidatesInput = z.object({
  status: z.enum(CANDIDATE_STATUSES).default("open"),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The review queue: the likeliest pairs first. */
export async function listMatchCandidates(
  ctx: Ctx,
  input: z.input<typeof ZListMatchCandidatesInput>,
): Promise<TMatchCandidate[]> {
  authorize(ctx.actor, "register", "read");
  const query = ZListMatchCandidatesInput.parse(input);
  return ctx.db
    .select()
    .from(matchCandidates)
    .where(
      and(
        eq(matchCandidates.status, query.status),
        query.personId
          ? or(eq(matchCandidates.personA, query.personId), eq(matchCandidates.personB, query.personId))
          : sql`true`,
      ),
    )
    .orderBy(desc(matchCandidates.probability), desc(matchCandidates.detectedAt))
    .limit(query.limit);
}

export async function getMatchCandidate(ctx: Ctx, id: string): Promise<TMatchCandidate> {
  authorize(ctx.actor, "register", "read");
  const [row] = await ctx.db.select().from(matchCandidates).where(eq(matchCandidates.id, id));
  if (!row) throw notFound("match candidate", id);
  return row;
}

/** After an unmerge the pair is known to be two people: the matcher must not merge it again. */
/**
 * After an undone merge of the same person (the wrong record was kept): the pair goes back to the
 * review queue, marked as put there by a person, so it is merged again only on a person's word.
 */
export async function reopenForReview(ctx: Ctx, id: string): Promise<void> {
  await ctx.db
    .update(matchCandidates)
    .set({ status: "open", outcome: "review", decidedAt: ctx.clock.now(), decidedBy: actingUserId(ctx.actor) })
    .where(eq(matchCandidates.id, id));
}

export async function reopenAsDistinct(ctx: Ctx, id: string): Promise<void> {
  await ctx.db
    .update(matchCandidates)
    .set({ status: "distinct", decidedAt: ctx.clock.now(), decidedBy: actingUserId(ctx.actor) })
    .where(eq(matchCandidates.id, id));
}

/** A person looked at the pair: `distinct` (never suggest again) or `merged` (done by the merge flow). */
export async function decideMatchCandidate(
  ctx: Ctx,
  id: string,
  status: "distinct" | "merged",
): Promise<TMatchCandidate> {
  authorize(ctx.actor, "register", "write");
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(matchCandidates).where(eq(matchCandidates.id, id)).for("update");
    if (!row) throw notFound("match candidate", id);
    if (row.status !== "open") throw new AppError("conflict", `This pair was already decided: ${row.status}`);
    const [decided] = await tx.db
      .update(matchCandidates)
      .set({ status, decidedAt: tx.clock.now(), decidedBy: actingUserId(tx.actor) })
      .where(eq(matchCandidates.id, id))
      .returning();
    if (!decided) throw notFound("match candidate", id);
    await recordAudit(tx, {
      action: `match_candidate.${status}`,
      entity: "match_candidate",
      entityId: id,
      before: row,
      after: decided,
    });
    return decided;
  });
}
