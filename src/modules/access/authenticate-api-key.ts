import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { ApiKeyActor } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { teamIdsOf } from "./load-actor";
import { apiKeys, users } from "./schema";
import { hashToken } from "./secrets";

/** `last_used_at` is refreshed at most once a minute, to keep key checks free of writes. */
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateApiKey(ctx: Ctx, key: string): Promise<ApiKeyActor> {
  const [row] = await ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      userId: apiKeys.userId,
      revokedAt: apiKeys.revokedAt,
      role: users.role,
      locale: users.locale,
      email: users.email,
      active: users.active,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, hashToken(key)));
  if (!row || row.revokedAt || !row.active) {
    throw new AppError("unauthenticated", "The API key is unknown, revoked or belongs to a deactivated user");
  }
  const now = ctx.clock.now();
  await ctx.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_INTERVAL_MS))),
      ),
    );
  return {
    kind: "api_key",
    apiKeyId: row.id,
    userId: row.userId,
    label: `${row.email} (key ${row.name})`,
    role: row.role,
    locale: row.locale,
    teamIds: await teamIdsOf(ctx.db, row.userId),
  };
}
