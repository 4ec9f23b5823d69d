import type { Ctx } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import {
  MESSAGE_CHANNELS,
  sendMessage,
  type TMessage,
  type TMessageChannel,
  type TMessageContent,
  type TRecipient,
} from "../modules/messages";
import { erasedRecord, getPerson, type TPerson } from "../modules/register";

const isMessageChannel = (channel: string): channel is TMessageChannel =>
  (MESSAGE_CHANNELS as readonly string[]).includes(channel);

/** What the messages module is told of a person: names, addresses, consents and objections. */
export function recipientOf(person: TPerson): TRecipient {
  const marketingConsent: TRecipient["marketingConsent"] = {};
  for (const consent of person.consents) {
    if (consent.purpose === "marketing" && isMessageChannel(consent.channel)) {
      marketingConsent[consent.channel] = consent.status === "granted";
    }
  }
  return {
    personId: person.id,
    givenNames: person.givenNames,
    greetingName: person.greetingName,
    surname: person.surname,
    // The register lists the primary address first.
    addresses: { email: person.emails[0]?.address ?? null },
    marketingConsent,
    objectsToProfiling: person.profilingObjection,
    erased: person.erasedAt !== null,
  };
}

/**
 * Sends a message to a person from the register. A person merged into another is written to as
 * the survivor, who holds their addresses and consents now. An erased person is written to by
 * nobody: 409 `erased`, like every other write about them.
 */
export async function sendMessageToPerson(
  ctx: Ctx,
  personId: string,
  content: TMessageContent & { ruleId?: string },
): Promise<{ message: TMessage; created: boolean }> {
  authorize(ctx.actor, "marketing", "write");
  let person = await getPerson(ctx, personId);
  if (person.mergedInto) person = await getPerson(ctx, person.mergedInto);
  // Nothing is written to someone erased; a message already queued is kept back at delivery.
  if (person.erasedAt) throw erasedRecord(person.id, person.erasedAt);
  return sendMessage(ctx, { ...content, recipient: recipientOf(person) });
}
