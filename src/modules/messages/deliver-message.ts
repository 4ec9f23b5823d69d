import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { type ChannelRegistry, DeliveryError } from "./channels";
import { messages } from "./schema";

export const MESSAGE_SENT = "message.sent";
export const MESSAGE_FAILED = "message.failed";

/** Attempts a message gets before it is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 6;
/** How long one attempt holds its message; longer than any of the channel's own time-outs. */
const LEASE_MS = 120_000;

export type TDeliveryOutcome =
  | { outcome: "sent"; providerMessageId: string | null }
  /** The attempt failed and another may succeed: the job queue tries again after a while. */
  | { outcome: "retry"; error: string }
  | { outcome: "failed"; error: string }
  /** The channel cannot deliver at all yet (not configured); the message stays queued. */
  | { outcome: "waiting"; reason: string }
  /** Not queued any more (sent, failed, suppressed) or another worker is delivering it. */
  | { outcome: "skipped" };

/**
 * One attempt at delivering a queued message through its channel. The message is claimed first,
 * so two workers never send it both, and marked sent only once the channel has accepted it.
 */
export async function deliverMessage(
  ctx: Ctx,
  messageId: string,
  channels: ChannelRegistry,
): Promise<TDeliveryOutcome> {
  const [queued] = await ctx.db
    .select({ channel: messages.channel, status: messages.status })
    .from(messages)
    .where(eq(messages.id, messageId));
  if (queued?.status !== "queued") return { outcome: "skipped" };
  const channel = channels.get(queued.channel);
  const unavailable = channel ? channel.unavailable() : `No ${queued.channel} channel is registered`;
  if (!channel || unavailable) {
    ctx.log.warn({ messageId, channel: queued.channel }, `message not delivered: ${unavailable}`);
    return { outcome: "waiting", reason: unavailable ?? "" };
  }
  const now = ctx.clock.now();
  const [message] = await ctx.db
    .update(messages)
    .set({
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      lastAttemptAt: now,
      attempts: sql`${messages.attempts} + 1`,
    })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.status, "queued"),
        or(isNull(messages.lockedUntil), lte(messages.lockedUntil, now)),
      ),
    )
    .returning();
  if (!message?.toAddress) return { outcome: "skipped" };
  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await channel.send({
      id: message.id,
      channel: message.channel,
      toAddress: message.toAddress,
      subject: message.subject,
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml,
      idempotencyKey: message.idempotencyKey,
    }));
  } catch (caught) {
    const error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 2_000);
    const final = (caught instanceof DeliveryError && caught.permanent) || message.attempts >= MAX_DELIVERY_ATTEMPTS;
    if (!final) {
      await ctx.db.update(messages).set({ lastError: error, lockedUntil: null }).where(eq(messages.id, messageId));
      return { outcome: "retry", error };
    }
    await withTransaction(ctx, async (tx) => {
      await tx.db
        .update(messages)
        .set({ status: "failed", lastError: error, lockedUntil: null })
        .where(and(eq(messages.id, messageId), eq(messages.status, "queued")));
      await recordAudit(tx, {
        action: "message.fail",
        entity: "message",
        entityId: messageId,
        after: { status: "failed", attempts: message.attempts, error },
      });
      await emitEvent(tx, MESSAGE_FAILED, { messageId, personId: message.personId, channel: message.channel, error });
    });
    return { outcome: "failed", error };
  }
  await withTransaction(ctx, async (tx) => {
    const sentAt = tx.clock.now();
    const marked = await tx.db
      .update(messages)
      .set({ status: "sent", sentAt, providerMessageId, lastError: null, lockedUntil: null })
      .where(and(eq(messages.id, messageId), eq(messages.status, "queued")))
      .returning({ id: messages.id });
    // Erased while it was on its way: the erasure stands, and nothing about the send is kept.
    if (marked.length === 0) return;
    await recordAudit(tx, {
      action: "message.send",
      entity: "message",
      entityId: messageId,
      after: { status: "sent", attempts: message.attempts, providerMessageId },
    });
    await emitEvent(tx, MESSAGE_SENT, {
      messageId,
      personId: message.personId,
      channel: message.channel,
      campaignId: message.campaignId,
      ruleId: message.ruleId,
    });
  });
  return { outcome: "sent", providerMessageId };
}
