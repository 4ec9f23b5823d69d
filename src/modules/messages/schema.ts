import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The channels a message can go out on; SMS and printed letters come with their channel plug-ins. */
export const MESSAGE_CHANNELS = ["email"] as const;
export type TMessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_STATUSES = ["queued", "sent", "failed", "suppressed"] as const;
export const MESSAGE_PURPOSES = ["marketing", "service"] as const;
export const SUPPRESSED_REASONS = ["no_address", "no_consent", "objection", "erased"] as const;

/**
 * Every message sent, or kept from being sent, to a person: what it said, on which channel and
 * why. The idempotency key makes a repeated request (a rule firing again, a client's retry) the
 * same message instead of a second one.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id"),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: MESSAGE_PURPOSES }).notNull(),
    /** Set by campaign sends; a message from a rule or a person has none. */
    campaignId: uuid("campaign_id"),
    ruleId: uuid("rule_id"),
    templateKey: text("template_key"),
    toAddress: text("to_address"),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    suppressedReason: text("suppressed_reason", { enum: SUPPRESSED_REASONS }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** A delivery attempt holds the message until then, so two workers never send it both. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("messages_idempotency_key_idx").on(t.idempotencyKey),
    index("messages_person_time_idx").on(t.personId, t.queuedAt.desc(), t.id.desc()),
    index("messages_status_idx").on(t.status),
  ],
);
