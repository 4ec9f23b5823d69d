import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { grantedScope } from "../../kernel/permissions";
import type { TApiKey } from "./create-api-key";
import { apiKeys } from "./schema";

export async function revokeApiKey(ctx: Ctx, id: string): Promise<TApiKey> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    const mayManage =
      grantedScope(tx.actor, "access", "write") !== null ||
      (tx.actor.kind !== "system" && row?.userId === tx.actor.userId);
    if (!row || !mayManage) throw notFound("api key", id);
    const { keyHash: _hidden, ...before } = row;
    const after = { ...before, revokedAt: before.revokedAt ?? tx.clock.now() };
    await tx.db.update(apiKeys).set({ revokedAt: after.revokedAt }).where(eq(apiKeys.id, id));
    await recordAudit(tx, { action: "api_key.revoke", entity: "api_key", entityId: id, before, after });
    return after;
  });
}
