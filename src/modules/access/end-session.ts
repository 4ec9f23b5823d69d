import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { sessions } from "./schema";

/** Signs out: the session row is deleted, so the cookie stops working on every server. */
export async function endSession(ctx: Ctx): Promise<void> {
  if (ctx.actor.kind !== "user" || !ctx.actor.sessionId) return;
  const sessionId = ctx.actor.sessionId;
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, { action: "session.end", entity: "session", entityId: sessionId });
  });
}
