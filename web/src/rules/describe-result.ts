import type { Messages } from "../i18n/sv";
import { isLifecycleStage } from "../register/types";
import type { ActionResult } from "./types";

/** Names a user by id; the id itself when the reader may not list users. */
export type UserName = (userId: string) => string;

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The case numbers an escalation lists, as staff say them on the phone. */
function escalatedNumbers(escalated: unknown): string[] {
  if (!Array.isArray(escalated)) return [];
  return escalated.map((item) => String((item as { number?: unknown } | null)?.number ?? "?"));
}

function describeMessage(result: ActionResult, words: Messages["rules"]["firings"]["result"]): string {
  switch (result.status) {
    case "suppressed": {
      const reason = text(result.suppressedReason);
      return words.messageSuppressed(words.suppressedReasons[reason] ?? reason);
    }
    case "sent":
      return words.messageSent;
    case "failed":
      return words.messageFailed;
    default:
      return words.messageQueued;
  }
}

/**
 * What one action of a firing did, in a sentence: "Uppgift skapad åt Maja Ström", "Ny ägare: Olle
 * Berg", "Ärende 1042 öppnat".
 */
export function describeResult(result: ActionResult, t: Messages, userName: UserName): string {
  const words = t.rules.firings.result;
  const label = t.rules.actions.types[result.type] ?? result.type;
  if (!result.ok) return words.failed(label, text(result.error));
  switch (result.type) {
    case "create_task":
      return typeof result.ownerId === "string" ? words.taskFor(userName(result.ownerId)) : words.task;
    case "set_field": {
      const field = text(result.field);
      const value = result.value;
      if (field === "lifecycleStage" && isLifecycleStage(value)) {
        return words.field(t.rules.actions.lifecycleStage, t.stages[value]);
      }
      return words.field(field.replace(/^custom\./, ""), value === null ? t.register.none : String(value));
    }
    case "assign_owner":
      return typeof result.ownerId === "string" ? words.owner(userName(result.ownerId)) : words.done(label);
    case "add_to_list":
      return words.addedTo(text(result.list));
    case "remove_from_list":
      return words.removedFrom(text(result.list));
    case "webhook":
      return words.webhook;
    case "send_message":
      return describeMessage(result, words);
    case "open_case":
      return typeof result.number === "number" ? words.caseOpened(String(result.number)) : words.done(label);
    case "escalate": {
      const numbers = escalatedNumbers(result.escalated);
      return numbers.length > 0 ? words.escalated(numbers) : words.nothingEscalated;
    }
    default:
      return words.done(label);
  }
}
