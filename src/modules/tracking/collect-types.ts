import type { TSegmentMessage } from "./segment-message";

export interface TCollectResult {
  accepted: number;
  duplicates: number;
}

/** A validated message with its corrected times. */
export interface Prepared {
  message: TSegmentMessage;
  occurredAt: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
}
