import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import type { TSource } from "./create-write-key";
import { sources } from "./schema";

/**
 * Revokes a tracking source's write key: events sent with it are refused from then on (within the
 * API processes' ten-second key cache). Revoking a revoked key changes nothing and is not audited again.
 */
export async function revokeWriteKey(ctx: Ctx, id: string): Promise<TSource> {
  authorize(ctx.actor, "events", "write");
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(sources).where(eq(sources.id, id)).for("update");
    if (!row) throw notFound("source", id);
    const before: TSource = {
      id: row.id,
      name: row.name,
      kind: row.kind,
      writeKeyPrefix: row.writeKeyPrefix,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
    };
    if (row.revokedAt) return before;
    const after = { ...before, revokedAt: tx.clock.now() };
    await tx.db.update(sources).set({ revokedAt: after.revokedAt }).where(eq(sources.id, id));
    await recordAudit(tx, { action: "source.revoke", entity: "source", entityId: id, before, after });
    return after;
  });
}
