/**
 * Stable error codes. Clients match on these, so a code is never renamed once released; the HTTP
 * status lives beside it so the edge maps every error the same way.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: "The request is not valid" },
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  invalid_credentials: { status: 401, title: "Wrong e-mail or password" },
  forbidden: { status: 403, title: "Not allowed" },
  csrf_failed: { status: 403, title: "Missing or wrong CSRF token" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  already_exists: { status: 409, title: "Already exists" },
  erased: { status: 409, title: "The person has been erased" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Service unavailable" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export interface TFieldError {
  /** Dotted path of the field at fault, e.g. `addresses.0.postalCode`. */
  field: string;
  /** Machine-readable reason, e.g. `invalid_personnummer`. */
  code: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: TErrorCode;
  readonly fields: TFieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: TErrorCode,
    message?: string,
    options: { fields?: TFieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message ?? ERROR_CODES[code].title, { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /**
   * The same error with its fields named where a larger request holds the input it was about:
   * a list's filter fault inside a bulk change's `match` is `match.filter.0`.
   */
  under(prefix: string, rename: (field: string) => string = (field) => field): AppError {
    return new AppError(this.code, this.message, {
      fields: this.fields.map((fault) => ({ ...fault, field: `${prefix}.${rename(fault.field)}` })),
      extra: this.extra,
      cause: this,
    });
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError("not_found", `${entity} ${id} does not exist or is not visible to you`, {
    extra: { entity, id },
  });

export const fieldError = (field: string, code: string, message: string) =>
  new AppError("validation_failed", message, { fields: [{ field, code, message }] });
