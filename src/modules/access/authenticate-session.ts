import { and, eq, gt } from "drizzle-orm";
import type { UserActor } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { teamIdsOf } from "./load-actor";
import { sessions, users } from "./schema";
import { hashToken } from "./secrets";

export interface TAuthenticatedSession {
  actor: UserActor;
  csrfToken: string;
}

export async function authenticateSession(ctx: Ctx, token: string): Promise<TAuthenticatedSession> {
  const [row] = await ctx.db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      email: users.email,
      role: users.role,
      locale: users.locale,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, ctx.clock.now())));
  if (!row?.active) throw new AppError("unauthenticated", "The session has expired; sign in again");
  return {
    csrfToken: row.csrfToken,
    actor: {
      kind: "user",
      userId: row.userId,
      sessionId: row.sessionId,
      label: row.email,
      role: row.role,
      locale: row.locale,
      teamIds: await teamIdsOf(ctx.db, row.userId),
    },
  };
}
