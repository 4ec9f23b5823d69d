import { z } from "zod";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, templateProblem } from "../../modules/messages";
import type { RuleAction } from "../../modules/rules";
import { sendMessageToPerson } from "../send-message-to-person";

/** A Liquid template, checked when the rule is saved, so a broken one never waits for its first firing. */
const template = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((source, issues) => {
      const problem = templateProblem(source);
      if (problem) issues.addIssue({ code: "custom", message: problem.message, params: { code: problem.code } });
    });

const ZConfig = z.object({
  channel: z.enum(MESSAGE_CHANNELS).default("email"),
  purpose: z.enum(MESSAGE_PURPOSES).default("marketing"),
  subject: template(500).pipe(z.string().trim().min(1, "A subject is required")),
  body: template(50_000).pipe(z.string().trim().min(1, "A body is required")),
  html: template(200_000).optional(),
});

/**
 * Sends the person a message rendered from Liquid templates (`{{ person.greetingName }}`). The
 * firing is the idempotency key, so a rule sends one message per firing however often it is retried.
 */
export const sendMessageAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "send_message",
  label: "Send a message",
  config: ZConfig,
  async execute(ctx, config, target) {
    const { message, created } = await sendMessageToPerson(ctx, target.personId, {
      ...config,
      idempotencyKey: `rule:${target.firingId}:${target.actionIndex}`,
      ruleId: target.ruleId,
    });
    return {
      messageId: message.id,
      status: message.status,
      ...(message.suppressedReason ? { suppressedReason: message.suppressedReason } : {}),
      ...(created ? {} : { duplicate: true }),
    };
  },
};
