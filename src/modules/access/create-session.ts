import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { hitRateLimit, refundRateLimit } from "../../kernel/rate-limit";
import { parseInput } from "../../kernel/validate";
import { teamIdsOf } from "./load-actor";
import { sessions, users } from "./schema";
import { decoyPasswordHash, hashToken, newToken, verifyPassword } from "./secrets";
import { findUserView, type TUser } from "./user-view";

export const ZLoginInput = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});

export interface SessionOptions {
  ip: string | null;
  userAgent: string | null;
  ttlHours: number;
  /** Attempts allowed per e-mail and per IP address in 15 minutes. */
  attemptsPer15Min: number;
}

export interface TNewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: TUser;
}

const WINDOW_MS = 15 * 60_000;

/**
 * Signs a user in with e-mail and password. Failed attempts are limited per e-mail address and per
 * IP address; a successful sign-in does not count, so colleagues behind one office address are
 * not locked out by each other's sign-ins.
 */
export async function createSession(
  ctx: Ctx,
  input: z.input<typeof ZLoginInput>,
  options: SessionOptions,
): Promise<TNewSession> {
  const data = parseInput(ZLoginInput, input);
  const now = ctx.clock.now();
  const limit = { limit: options.attemptsPer15Min, windowMs: WINDOW_MS };
  const keys = [`login:email:${data.email}`, ...(options.ip ? [`login:ip:${options.ip}`] : [])];
  for (const key of keys) await hitRateLimit(ctx.db, now, { key, ...limit });

  const [row] = await ctx.db.select().from(users).where(eq(users.email, data.email));
  const valid = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), data.password);
  if (!row || !valid || !row.active) {
    ctx.log.warn({ email: data.email, ip: options.ip }, "failed login");
    throw new AppError("invalid_credentials");
  }
  // Counted before the check, so parallel guesses cannot pass the limit; a success is given back.
  for (const key of keys) await refundRateLimit(ctx.db, now, { key, windowMs: WINDOW_MS });
  const token = newToken("lhs");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + options.ttlHours * 3_600_000);
  const actor = {
    kind: "user" as const,
    userId: row.id,
    label: row.email,
    role: row.role,
    locale: row.locale,
    teamIds: await teamIdsOf(ctx.db, row.id),
  };
  return withTransaction({ ...ctx, actor }, async (tx) => {
    const id = newId(tx);
    await tx.db.insert(sessions).values({
      id,
      tokenHash: hashToken(token),
      csrfToken,
      userId: row.id,
      createdAt: now,
      expiresAt,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 400) ?? null,
    });
    await recordAudit(tx, {
      action: "session.create",
      entity: "session",
      entityId: id,
      after: { userId: row.id, ip: options.ip, expiresAt },
    });
    const user = await findUserView(tx.db, row.id);
    if (!user) throw new AppError("invalid_credentials");
    return { token, csrfToken, expiresAt, user };
  });
}
