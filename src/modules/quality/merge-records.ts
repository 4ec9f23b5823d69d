import { and, desc, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { merges } from "./schema";

export const ZMerge = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  candidateId: z.uuid().nullable(),
  decidedBy: z.enum(["auto", "person"]),
  mergedAt: z.date(),
  mergedByUser: z.uuid().nullable(),
  undoneAt: z.date().nullable(),
  undoneBy: z.uuid().nullable(),
});
export type TMerge = z.infer<typeof ZMerge>;

/** Keeps a merge and what each module changed, for its explanation and its undoing. */
export async function recordMerge(
  ctx: Ctx,
  input: {
    survivorId: string;
    mergedId: string;
    candidateId: string | null;
    decidedBy: "auto" | "person";
    snapshot: Record<string, unknown>;
  },
): Promise<TMerge> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(merges)
      .values({ id: newId(tx), ...input, mergedAt: tx.clock.now(), mergedByUser: actingUserId(tx.actor) })
      .returning();
    if (!row) throw new Error("merge not recorded");
    const { snapshot: _kept, ...merge } = row;
    return merge;
  });
}

/** The merge that folded `mergedId` away, still in force, with its snapshot; locked for undoing. */
export async function activeMergeOf(
  ctx: Ctx,
  mergeId: string,
): Promise<TMerge & { snapshot: Record<string, unknown> }> {
  const [row] = await ctx.db.select().from(merges).where(eq(merges.id, mergeId)).for("update");
  if (!row) throw notFound("merge", mergeId);
  if (row.undoneAt) throw new AppError("conflict", "This merge has already been undone");
  // The survivor (and with it the merged record) was erased: there is nothing left to give back.
  if ("redacted" in row.snapshot) {
    throw new AppError("erased", "The people in this merge have been erased; it can no longer be undone", {
      extra: { entity: "person", id: row.survivorId },
    });
  }
  // A later merge into the merged record's survivor does not block; one of the merged record would.
  const [later] = await ctx.db
    .select({ id: merges.id })
    .from(merges)
    .where(and(eq(merges.mergedId, row.survivorId), isNull(merges.undoneAt)));
  if (later)
    throw new AppError("conflict", "The survivor has since been merged into another record; undo that merge first");
  return row;
}

export async function markMergeUndone(ctx: Ctx, mergeId: string): Promise<void> {
  await ctx.db
    .update(merges)
    .set({ undoneAt: ctx.clock.now(), undoneBy: actingUserId(ctx.actor) })
    .where(eq(merges.id, mergeId));
}

/** The merges a person took part in, newest first. */
export async function listMergesOf(ctx: Ctx, personId: string): Promise<TMerge[]> {
  authorize(ctx.actor, "register", "read");
  const rows = await ctx.db
    .select()
    .from(merges)
    .where(or(eq(merges.survivorId, personId), eq(merges.mergedId, personId)))
    .orderBy(desc(merges.mergedAt));
  return rows.map(({ snapshot: _kept, ...merge }) => merge);
}
