import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { grantedScope } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { apiKeys, users } from "./schema";
import { hashToken, newToken } from "./secrets";

export const ZCreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** The user the key acts as; defaults to the caller. Only admins issue keys for others. */
  userId: z.uuid().optional(),
});

export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  userId: z.uuid(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

/** Returns the key in clear exactly once; only its hash is stored. */
export async function createApiKey(
  ctx: Ctx,
  input: z.input<typeof ZCreateApiKeyInput>,
): Promise<{ apiKey: TApiKey; key: string }> {
  const data = parseInput(ZCreateApiKeyInput, input);
  const callerId = ctx.actor.kind === "system" ? null : ctx.actor.userId;
  const userId = data.userId ?? callerId;
  if (!userId) {
    throw new AppError("validation_failed", "Name the user the key acts as", {
      fields: [{ field: "userId", code: "required", message: "Required when no user is signed in" }],
    });
  }
  if (userId !== callerId && !grantedScope(ctx.actor, "access", "write")) {
    throw new AppError("forbidden", "Only an administrator may issue keys for other users");
  }
  const key = newToken("lh");
  return withTransaction(ctx, async (tx) => {
    const [owner] = await tx.db.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, userId));
    if (!owner) throw notFound("user", userId);
    if (!owner.active) throw new AppError("conflict", "The user is deactivated");
    const apiKey: TApiKey = {
      id: newId(tx),
      name: data.name,
      prefix: key.slice(0, 10),
      userId,
      createdAt: tx.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await tx.db.insert(apiKeys).values({ ...apiKey, keyHash: hashToken(key) });
    await recordAudit(tx, { action: "api_key.create", entity: "api_key", entityId: apiKey.id, after: apiKey });
    return { apiKey, key };
  });
}
