import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { grantedScope } from "../../kernel/permissions";
import type { TApiKey } from "./create-api-key";
import { apiKeys } from "./schema";

/** Admins see every key; others see their own. */
export async function listApiKeys(ctx: Ctx): Promise<TApiKey[]> {
  const all = grantedScope(ctx.actor, "access", "read") !== null;
  const columns = {
    id: apiKeys.id,
    name: apiKeys.name,
    prefix: apiKeys.prefix,
    userId: apiKeys.userId,
    createdAt: apiKeys.createdAt,
    lastUsedAt: apiKeys.lastUsedAt,
    revokedAt: apiKeys.revokedAt,
  };
  const query = ctx.db.select(columns).from(apiKeys);
  if (all) return query.orderBy(desc(apiKeys.createdAt));
  if (ctx.actor.kind === "system") return [];
  return query.where(eq(apiKeys.userId, ctx.actor.userId)).orderBy(desc(apiKeys.createdAt));
}
