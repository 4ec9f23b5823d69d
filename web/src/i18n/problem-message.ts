import { ApiProblem } from "../api/api-problem";
import type { Messages } from "./sv";

/** A sentence for the user; codes the UI knows are translated, others keep the server's detail. */
export function problemMessage(error: unknown, t: Messages): string {
  if (!(error instanceof ApiProblem)) return t.errors.unexpected;
  switch (error.code) {
    case "invalid_credentials":
      return t.errors.invalidCredentials;
    case "rate_limited":
      return t.errors.rateLimited;
    case "network_error":
      return t.errors.network;
    case "forbidden":
      // A refusal that names a record (`entity` and `id`) is about whose record it is, not the role.
      return typeof error.extensions.entity === "string" && typeof error.extensions.id === "string"
        ? t.errors.forbiddenRecord
        : t.errors.forbidden;
    case "validation_failed":
      // An address bar with a mangled id names no record: the same as one that does not exist.
      if (error.errors.length > 0 && error.errors.every((fault) => fault.field.startsWith("params."))) {
        return t.errors.notFound;
      }
      return t.errors.validation;
    case "conflict":
    case "already_exists":
      return t.errors.conflict;
    case "not_found":
      return t.errors.notFound;
    case "payload_too_large":
      return t.errors.tooLarge;
    case "unauthenticated":
    case "csrf_failed":
      return t.errors.sessionEnded;
    case "internal":
      return t.errors.unexpected;
    default:
      return error.message || t.errors.unexpected;
  }
}

/** Messages by the server's field error code; a form overrides those its fields need. */
export type FieldMessages = Partial<Record<string, string>>;

/** The message to show under one form field, if the server found fault with it. */
export function fieldProblem(
  error: unknown,
  field: string,
  t: Messages,
  overrides: FieldMessages = {},
): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const fault = error.fieldError(field);
  if (!fault) return undefined;
  const messages: FieldMessages = {
    ...t.fieldCodes,
    taken: t.fields.taken,
    invalid_type: t.fields.required,
    too_small: t.fields.required,
    ...overrides,
  };
  return messages[fault.code] ?? fault.message;
}

/** Field errors that no input of the form shows, so the form can list them instead of losing them. */
export function unplacedProblems(error: unknown, shown: readonly string[], t: Messages): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors
    .filter((fault) => !shown.includes(fault.field))
    .map((fault) => fieldProblem(error, fault.field, t) ?? fault.message);
}
