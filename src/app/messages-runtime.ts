import type { TConfig } from "../kernel/config";
import {
  ChannelRegistry,
  deliverMessage,
  emailChannel,
  MAX_DELIVERY_ATTEMPTS,
  MESSAGE_QUEUED,
  messagesTimelineSource,
  stalledMessages,
} from "../modules/messages";
import type { Services } from "./services";

export const DELIVER_MESSAGE_JOB = "messages.deliver";
/** A queued message nobody has tried for this long is handed to the queue again. */
const STALLED_AFTER_MS = 30 * 60_000;

/** The channels messages go out on, from the configuration; SMS and letters register here later. */
export function createMessageChannels(config: Pick<TConfig, "SMTP_URL" | "MAIL_FROM">): ChannelRegistry {
  const channels = new ChannelRegistry();
  channels.register(emailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }));
  return channels;
}

/**
 * Messages are delivered by a job once the message is committed: the outbox event queues the job,
 * the job queue retries it with back-off, and a sweep every five minutes queues again whatever
 * has waited too long (a job lost in a crash, or e-mail that had no SMTP server until now).
 */
export function wireMessages(services: Services): void {
  const { jobs, log } = services;
  const channels = createMessageChannels(services.config);
  services.timeline.register(messagesTimelineSource);
  const enqueue = (messageId: string) =>
    jobs.send(DELIVER_MESSAGE_JOB, { messageId }).catch((error: unknown) => {
      log.warn({ err: error, messageId }, "message delivery not queued; the sweep queues it again");
    });
  services.bus.on(MESSAGE_QUEUED, "messages.deliver", async (event, ctx) => {
    const { messageId } = event.payload as { messageId: string };
    // After the handler's commit: on the embedded store a job cannot be queued inside a transaction.
    ctx.afterCommit.push(() => void enqueue(messageId));
  });
  jobs.define<{ messageId: string }>({
    name: DELIVER_MESSAGE_JOB,
    retryLimit: MAX_DELIVERY_ATTEMPTS,
    retryDelaySeconds: 30,
    retryBackoff: true,
    handle: async ({ messageId }) => {
      const result = await deliverMessage(services.systemCtx(DELIVER_MESSAGE_JOB), messageId, channels);
      if (result.outcome === "retry") throw new Error(`message ${messageId}: ${result.error}`);
    },
  });
  jobs.define({
    name: "messages.sweep",
    cron: { expression: "*/5 * * * *" },
    handle: async () => {
      const ctx = services.systemCtx("messages.sweep");
      const idleBefore = new Date(ctx.clock.now().getTime() - STALLED_AFTER_MS);
      const waiting = new Map<string, number>();
      for (const { id, channel } of await stalledMessages(ctx, idleBefore)) {
        if (channels.get(channel)?.unavailable()) waiting.set(channel, (waiting.get(channel) ?? 0) + 1);
        else await enqueue(id);
      }
      for (const [channel, count] of waiting) {
        log.warn({ channel, waiting: count }, `messages waiting: ${channels.get(channel)?.unavailable()}`);
      }
    },
  });
}
