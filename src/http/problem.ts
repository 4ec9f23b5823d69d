import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, ERROR_CODES, type TErrorCode, type TFieldError } from "../kernel/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: TErrorCode;
  errors: TFieldError[];
  requestId: string;
  [extra: string]: unknown;
}

export function problemType(code: TErrorCode): string {
  return `urn:lanthandel:problem:${code}`;
}

/** PostgreSQL text cannot hold NUL; said by name, whether caught before the write or by it. */
export function nulCharacterError(): AppError {
  return new AppError("bad_request", "Text may not contain the NUL character (\\u0000)", {
    fields: [{ field: "body", code: "nul_character", message: "A string holds the NUL character \\u0000" }],
  });
}

interface PostgresError {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** The database's own error, where the query builder wrapped it (drizzle keeps it as `cause`). */
function postgresErrorOf(error: unknown): PostgresError | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const candidate = current as PostgresError;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

/**
 * A reference to a record that does not exist, from a constraint named
 * `<table>_<column>_ref_<targets>` (people_owner_id_ref_users): the field is the column.
 */
function unknownReference(constraint: string | undefined): AppError | null {
  const match = constraint ? /^[a-z]+_([a-z_]+)_ref_([a-z]+)s$/.exec(constraint) : null;
  if (!match?.[1] || !match[2]) return null;
  const field = match[1].replace(/_id$/, "Id").replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return new AppError("validation_failed", `No ${match[2]} has this id`, {
    fields: [{ field, code: `unknown_${match[2]}`, message: `No ${match[2]} has this id` }],
  });
}

function fromPostgres(wrapped: unknown): AppError | null {
  const error = postgresErrorOf(wrapped);
  if (error === null) return null;
  switch (error.code) {
    case "23505":
      return new AppError("conflict", "A record with the same unique value already exists", {
        extra: { constraint: error.constraint },
      });
    case "23503":
      return (
        unknownReference(error.constraint) ??
        new AppError("conflict", "The record refers to, or is referred to by, another record", {
          extra: { constraint: error.constraint },
        })
      );
    case "22P02":
    case "22007":
    case "22008":
      return new AppError("bad_request", "A value has the wrong format for its column");
    // PostgreSQL text cannot hold NUL: "invalid byte sequence" for text, "unsupported Unicode
    // escape" for JSON.
    case "22021":
    case "22P05":
      return nulCharacterError();
    case "57014":
      return new AppError("unavailable", "The query took too long and was cancelled");
    // Two writers of the same records met, and PostgreSQL failed this one to let the other on
    // (a deadlock, or a serialisation failure). Nothing of it was saved: the same request again
    // finds the way clear, so the client is told to send it again, not that the server broke.
    case "40P01":
    case "40001":
      return new AppError(
        "unavailable",
        "Another change to the same records was being made at that moment; nothing was saved, send the request again",
        { extra: { retryAfter: 1 } },
      );
    default:
      return null;
  }
}

function fromFastify(error: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const fieldAt = (path: string) => (path ? (where === "body" ? path : `${where}.${path}`) : where);
    const fields = error.validation.flatMap((issue) => {
      const path = issue.instancePath.split("/").filter(Boolean).join(".");
      // A field the endpoint does not know is named itself: a misspelt field is data a client
      // meant to store, and must not vanish without a word.
      const unknown = issue.keyword === "unrecognized_keys" ? (issue.params as { keys?: unknown }).keys : undefined;
      if (Array.isArray(unknown)) {
        return unknown.map((key) => ({
          field: fieldAt(path ? `${path}.${String(key)}` : String(key)),
          code: "unknown_field",
          message: "This field is not known here; see /api/docs for the fields this endpoint takes",
        }));
      }
      // A refinement names its own code (`invalid_date`, `nonexistent_time`), as in zodFieldErrors.
      const ownCode =
        issue.keyword === "custom" ? (issue.params as { params?: { code?: unknown } }).params?.code : undefined;
      return [
        {
          field: fieldAt(path),
          code: String(ownCode ?? issue.keyword ?? "invalid"),
          message: issue.message ?? "Invalid value",
        },
      ];
    });
    return new AppError("validation_failed", "The request is not valid", { fields });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", error.message);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", error.message);
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new AppError("bad_request", "A part of the path is longer than 100 characters: no id or name is");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("bad_request", error.message);
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return new AppError("bad_request", `Malformed JSON: ${error.message}`);
  }
  if (error.statusCode === 429) return new AppError("rate_limited", error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("bad_request", error.message);
  }
  return null;
}

/** The one place where errors become HTTP responses (RFC 9457 problem details). */
export function toProblem(error: unknown, request: FastifyRequest): { problem: Problem; appError: AppError | null } {
  const appError =
    error instanceof AppError
      ? error
      : (fromPostgres(error) ??
        (isResponseSerializationError(error as FastifyError) ? null : fromFastify(error as FastifyError)));
  const code = appError?.code ?? "internal";
  const problem: Problem = {
    ...(appError?.extra ?? {}),
    type: problemType(code),
    title: ERROR_CODES[code].title,
    status: ERROR_CODES[code].status,
    detail: appError?.message ?? "Something went wrong on our side; the request id identifies it in the logs",
    instance: request.url.split("?")[0] ?? request.url,
    code,
    errors: appError?.fields ?? [],
    requestId: String(request.id),
  };
  return { problem, appError };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (typeof problem.retryAfter === "number") reply.header("retry-after", String(problem.retryAfter));
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
