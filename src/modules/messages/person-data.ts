import { desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { messages } from "./schema";
import { type TMessage, toMessageView } from "./view";

/** Every message sent to a person, or kept from them, for a GDPR access request. */
export async function exportMessagesOfPerson(ctx: Ctx, personId: string): Promise<TMessage[]> {
  authorize(ctx.actor, "marketing", "read");
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(eq(messages.personId, personId))
    .orderBy(desc(messages.queuedAt), desc(messages.id));
  return rows.map(toMessageView);
}

/**
 * Erasure empties what a message said and where it went and cuts it loose from the person; the
 * bare fact that a message of that channel and purpose went out stays, for campaign statistics.
 * One still waiting is not sent any more.
 */
export async function anonymiseMessagesOfPerson(ctx: Ctx, personId: string): Promise<string[]> {
  const updated = await ctx.db
    .update(messages)
    .set({
      personId: null,
      toAddress: null,
      subject: "",
      bodyText: "",
      bodyHtml: null,
      lastError: null,
      status: sql`case when ${messages.status} = 'queued' then 'suppressed' else ${messages.status} end`,
      suppressedReason: sql`case when ${messages.status} = 'queued' then 'erased' else ${messages.suppressedReason} end`,
      lockedUntil: null,
    })
    .where(eq(messages.personId, personId))
    .returning({ id: messages.id });
  return updated.map((row) => row.id);
}
