import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { renderMessage } from "./render-message";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, messages, type SUPPRESSED_REASONS, type TMessageChannel } from "./schema";
import { type TMessage, toMessageView } from "./view";

export const MESSAGE_QUEUED = "message.queued";
export const MESSAGE_SUPPRESSED = "message.suppressed";

/** What to send, as a client or a rule states it: Liquid templates over the person's names. */
export const ZMessageContent = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS).default("email"),
  /** Marketing needs the person's consent for the channel; service messages (an order, a case) do not. */
  purpose: z.enum(MESSAGE_PURPOSES).default("marketing"),
  subject: z.string().trim().min(1, "A subject is required").max(500),
  body: z.string().trim().min(1, "A body is required").max(50_000),
  /** An HTML body beside the text one; every value it prints is HTML-escaped. */
  html: z.string().max(200_000).optional(),
  /** The same key twice is the same message: a retried request never sends a second one. */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});
export type TMessageContent = z.input<typeof ZMessageContent>;

/**
 * What the messages module needs to know of the recipient. It does not read the register itself:
 * the flow that calls it does, and hands over these facts.
 */
export const ZRecipient = z.object({
  personId: z.uuid(),
  givenNames: z.string(),
  /** The preferred given name, which every message greets the person by. */
  greetingName: z.string(),
  surname: z.string(),
  /** The address each channel reaches the person at, or null when the register has none. */
  addresses: z.object({ email: z.string().nullable() }),
  /** Latest marketing consent per channel: true granted, false withdrawn, absent never given. */
  marketingConsent: z.partialRecord(z.enum(MESSAGE_CHANNELS), z.boolean()),
  objectsToProfiling: z.boolean(),
  erased: z.boolean(),
});
export type TRecipient = z.infer<typeof ZRecipient>;

export const ZSendMessageInput = ZMessageContent.extend({
  recipient: ZRecipient,
  ruleId: z.uuid().optional(),
});
export type TSendMessageInput = z.input<typeof ZSendMessageInput>;

type TSuppressedReason = (typeof SUPPRESSED_REASONS)[number];

/**
 * Why the message must not go out, or null. Service messages need an address only; marketing also
 * needs consent on that channel and no objection, because the person decides what they are sent.
 */
function suppressionOf(
  recipient: TRecipient,
  channel: TMessageChannel,
  purpose: "marketing" | "service",
): TSuppressedReason | null {
  if (recipient.erased) return "erased";
  if (!recipient.addresses[channel]) return "no_address";
  if (purpose === "service") return null;
  if (recipient.objectsToProfiling) return "objection";
  if (recipient.marketingConsent[channel] !== true) return "no_consent";
  return null;
}

/**
 * Renders a message for one person and queues it; delivery is a job that runs after the commit.
 * A message that may not be sent is kept as suppressed, with the reason, so nobody wonders why
 * it never arrived. The same idempotency key again returns the message already there.
 */
export async function sendMessage(
  ctx: Ctx,
  input: TSendMessageInput,
): Promise<{ message: TMessage; created: boolean }> {
  authorize(ctx.actor, "marketing", "write");
  const data = parseInput(ZSendMessageInput, input);
  const { recipient } = data;
  const rendered = await renderMessage(data, {
    person: {
      greetingName: recipient.greetingName,
      givenNames: recipient.givenNames,
      surname: recipient.surname,
      email: recipient.addresses.email,
    },
  });
  const suppressed = suppressionOf(recipient, data.channel, data.purpose);
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = newId(tx);
    const row = {
      id,
      personId: recipient.personId,
      channel: data.channel,
      purpose: data.purpose,
      campaignId: null,
      ruleId: data.ruleId ?? null,
      templateKey: null,
      toAddress: recipient.addresses[data.channel],
      ...rendered,
      status: suppressed ? ("suppressed" as const) : ("queued" as const),
      suppressedReason: suppressed,
      attempts: 0,
      lastError: null,
      providerMessageId: null,
      idempotencyKey: data.idempotencyKey ?? `message:${id}`,
      lockedUntil: null,
      lastAttemptAt: null,
      queuedAt: now,
      sentAt: null,
      createdAt: now,
    };
    const inserted = await tx.db
      .insert(messages)
      .values(row)
      .onConflictDoNothing({ target: messages.idempotencyKey })
      .returning({ id: messages.id });
    if (inserted.length === 0) {
      const [existing] = await tx.db.select().from(messages).where(eq(messages.idempotencyKey, row.idempotencyKey));
      if (!existing) throw new Error("message vanished between its conflict and its read");
      return { message: toMessageView(existing), created: false };
    }
    // The audit entry says what was decided, not what was written: the text is in the message.
    await recordAudit(tx, {
      action: suppressed ? "message.suppress" : "message.queue",
      entity: "message",
      entityId: id,
      after: {
        personId: row.personId,
        channel: row.channel,
        purpose: row.purpose,
        status: row.status,
        suppressedReason: suppressed,
        ruleId: row.ruleId,
        idempotencyKey: row.idempotencyKey,
      },
    });
    const payload = { messageId: id, personId: row.personId, channel: row.channel, purpose: row.purpose };
    if (suppressed) await emitEvent(tx, MESSAGE_SUPPRESSED, { ...payload, reason: suppressed });
    else await emitEvent(tx, MESSAGE_QUEUED, payload);
    return { message: toMessageView(row), created: true };
  });
}
