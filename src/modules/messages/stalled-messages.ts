import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { messages, type TMessageChannel } from "./schema";

/**
 * Queued messages nobody has tried since `idleBefore`: their delivery job was lost, gave up while
 * the channel was not configured, or was never queued. The sweep hands them to the queue again.
 */
export async function stalledMessages(
  ctx: Ctx,
  idleBefore: Date,
  limit = 500,
): Promise<Array<{ id: string; channel: TMessageChannel }>> {
  const rows = await ctx.db
    .select({ id: messages.id, channel: messages.channel })
    .from(messages)
    .where(
      and(
        eq(messages.status, "queued"),
        or(isNull(messages.lockedUntil), lte(messages.lockedUntil, ctx.clock.now())),
        lt(
          sql`coalesce(${messages.lastAttemptAt}, ${messages.queuedAt})`,
          sql`${idleBefore.toISOString()}::timestamptz`,
        ),
      ),
    )
    .orderBy(asc(messages.queuedAt))
    .limit(limit);
  return rows;
}
