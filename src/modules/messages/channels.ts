import type { TMessageChannel } from "./schema";

/** What a channel is handed to deliver: the rendered message and where it goes. */
export interface TOutgoingMessage {
  id: string;
  channel: TMessageChannel;
  toAddress: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  /** Stable across retries, so a receiver that sees the message twice can tell it is the same. */
  idempotencyKey: string;
}

/** Why an attempt failed; `permanent` when trying again cannot help (the mailbox does not exist). */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  readonly permanent: boolean;

  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
  }
}

/**
 * A way of reaching a person: e-mail now, SMS and printed letters later. A channel only delivers;
 * what to say, to whom and whether it may be sent is decided before a message is queued.
 */
export interface MessageChannel {
  readonly name: TMessageChannel;
  /** Why this channel cannot deliver now (not configured), or null when it can. */
  unavailable(): string | null;
  /** Delivers or throws; a `DeliveryError` says whether another attempt may succeed. */
  send(message: TOutgoingMessage): Promise<{ providerMessageId: string | null }>;
  close?(): void;
}

export class ChannelRegistry {
  readonly #channels = new Map<string, MessageChannel>();

  register(channel: MessageChannel): void {
    if (this.#channels.has(channel.name)) throw new Error(`message channel ${channel.name} registered twice`);
    this.#channels.set(channel.name, channel);
  }

  get(name: string): MessageChannel | undefined {
    return this.#channels.get(name);
  }

  close(): void {
    for (const channel of this.#channels.values()) channel.close?.();
  }
}
