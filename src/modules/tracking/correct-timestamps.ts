import type { TSegmentMessage } from "./segment-message";

/** A client clock may run ahead by a little; further than this and the timestamp is refused. */
export const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

export interface TCorrectedTimes {
  occurredAt: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
}

/**
 * Segment's clock-skew correction: the client says when the event happened (`timestamp`) and when
 * it sent it (`sentAt`) by its own clock; the difference, laid back from our `receivedAt`, is when
 * it happened by ours. Without `sentAt` the client's timestamp is taken as it is.
 */
export function correctTimestamps(
  message: Pick<TSegmentMessage, "timestamp" | "originalTimestamp" | "sentAt">,
  receivedAt: Date,
  batchSentAt: Date | null,
): TCorrectedTimes | null {
  const original = message.originalTimestamp ?? message.timestamp;
  const sentAt = message.sentAt ?? batchSentAt;
  let occurred: number;
  if (original && sentAt) occurred = receivedAt.getTime() - (sentAt.getTime() - original.getTime());
  else occurred = (original ?? receivedAt).getTime();
  if (occurred > receivedAt.getTime() + FUTURE_TOLERANCE_MS) return null;
  return { occurredAt: new Date(occurred), originalTimestamp: original, sentAt };
}
