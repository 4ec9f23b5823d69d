import { z } from "zod";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES, type messages, SUPPRESSED_REASONS } from "./schema";

export const ZMessage = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  channel: z.enum(MESSAGE_CHANNELS),
  purpose: z.enum(MESSAGE_PURPOSES),
  campaignId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  suppressedReason: z.enum(SUPPRESSED_REASONS).nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  idempotencyKey: z.string(),
  queuedAt: z.date(),
  sentAt: z.date().nullable(),
});
export type TMessage = z.infer<typeof ZMessage>;

export function toMessageView(row: typeof messages.$inferSelect): TMessage {
  return {
    id: row.id,
    personId: row.personId,
    channel: row.channel,
    purpose: row.purpose,
    campaignId: row.campaignId,
    ruleId: row.ruleId,
    toAddress: row.toAddress,
    subject: row.subject,
    bodyText: row.bodyText,
    bodyHtml: row.bodyHtml,
    status: row.status,
    suppressedReason: row.suppressedReason,
    attempts: row.attempts,
    lastError: row.lastError,
    idempotencyKey: row.idempotencyKey,
    queuedAt: row.queuedAt,
    sentAt: row.sentAt,
  };
}
