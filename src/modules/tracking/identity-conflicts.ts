import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { CONFLICT_STATUSES, IDENTITY_KINDS, identityConflicts, trackingIdentities } from "./schema";

export const ZIdentityConflict = z.object({
  id: z.uuid(),
  kind: z.enum(IDENTITY_KINDS),
  value: z.string(),
  linkedPersonId: z.uuid(),
  claimedPersonId: z.uuid(),
  reason: z.string(),
  sourceId: z.uuid(),
  messageId: z.string(),
  status: z.enum(CONFLICT_STATUSES),
  detectedAt: z.date(),
  resolvedAt: z.date().nullable(),
  resolvedBy: z.uuid().nullable(),
});
export type TIdentityConflict = z.infer<typeof ZIdentityConflict>;

export async function listIdentityConflicts(
  ctx: Ctx,
  status: (typeof CONFLICT_STATUSES)[number] = "open",
): Promise<TIdentityConflict[]> {
  authorize(ctx.actor, "events", "read");
  return ctx.db
    .select()
    .from(identityConflicts)
    .where(eq(identityConflicts.status, status))
    .orderBy(desc(identityConflicts.detectedAt))
    .limit(200);
}

export const ZResolveIdentityConflictInput = z.strictObject({
  /** keep: the id stays with the person it was linked to; move: it goes to the claiming person. */
  decision: z.enum(["keep", "move"]),
});

/**
 * A person decides a flagged identity. Moving re-links the id for events from now on; events
 * already stored stay with the person they were attributed to when they arrived.
 */
export async function resolveIdentityConflict(
  ctx: Ctx,
  id: string,
  input: z.input<typeof ZResolveIdentityConflictInput>,
): Promise<TIdentityConflict> {
  authorize(ctx.actor, "events", "write");
  const { decision } = parseInput(ZResolveIdentityConflictInput, input);
  return withTransaction(ctx, async (tx) => {
    const [conflict] = await tx.db.select().from(identityConflicts).where(eq(identityConflicts.id, id));
    if (!conflict) throw notFound("identity conflict", id);
    if (conflict.status !== "open") throw new AppError("conflict", "This conflict has already been resolved");
    if (decision === "move") {
      await tx.db
        .update(trackingIdentities)
        .set({ personId: conflict.claimedPersonId, linkedAt: tx.clock.now() })
        .where(and(eq(trackingIdentities.kind, conflict.kind), eq(trackingIdentities.value, conflict.value)));
    }
    const [resolved] = await tx.db
      .update(identityConflicts)
      .set({ status: "resolved", resolvedAt: tx.clock.now(), resolvedBy: actingUserId(tx.actor) })
      .where(eq(identityConflicts.id, id))
      .returning();
    if (!resolved) throw notFound("identity conflict", id);
    await recordAudit(tx, {
      action: "identity_conflict.resolve",
      entity: "identity_conflict",
      entityId: id,
      before: conflict,
      after: { ...resolved, decision },
    });
    return resolved;
  });
}
