import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { DeliveryError, type MessageChannel, type TOutgoingMessage } from "./channels";

export interface TEmailChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; without it e-mail waits in the queue. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Lanthandel <noreply@example.se>`. */
  from: string;
}

/**
 * The Message-ID comes from the idempotency key, so every attempt at one message carries the same
 * id and a receiving system that got it already can tell the second copy for what it is.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}@${domain}>`;
}

/** E-mail over SMTP with nodemailer. */
export function emailChannel(options: TEmailChannelOptions): MessageChannel {
  let transport: Transporter | null = null;
  return {
    name: "email",
    unavailable: () => (options.smtpUrl ? null : "SMTP_URL is not set: e-mail stays queued until it is"),
    async send(message: TOutgoingMessage) {
      if (!options.smtpUrl) throw new DeliveryError("SMTP_URL is not set", { permanent: false });
      transport ??= nodemailer.createTransport({
        url: options.smtpUrl,
        // A delivery holds its message for two minutes; every wait here ends well before that.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      });
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.toAddress,
          subject: message.subject,
          text: message.bodyText,
          ...(message.bodyHtml !== null ? { html: message.bodyHtml } : {}),
          messageId: messageIdFor(message.idempotencyKey, options.from),
          headers: { "X-Lanthandel-Message": message.id },
        });
        return { providerMessageId: typeof info.messageId === "string" ? info.messageId : null };
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        // 5xx is the server saying no for good (no such mailbox, refused); anything else may pass later.
        const permanent = typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
        throw new DeliveryError((error as Error).message, { permanent, cause: error });
      }
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
