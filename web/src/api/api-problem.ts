export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The RFC 9457 problem details every API error carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors: FieldError[];
  requestId: string;
}

const STANDARD_MEMBERS = new Set(["type", "title", "status", "detail", "instance", "code", "errors", "requestId"]);

/** The fetch wrapper's only error; `code` is stable and is what the UI branches on. */
export class ApiProblem extends Error {
  override name = "ApiProblem";
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly requestId: string | null;
  /** Members a problem carries beyond the standard ones, e.g. `existingId` on a conflict. */
  readonly extensions: Record<string, unknown>;

  constructor(problem: Pick<Problem, "status" | "code" | "detail"> & Partial<Problem> & Record<string, unknown>) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId ?? null;
    this.extensions = Object.fromEntries(Object.entries(problem).filter(([name]) => !STANDARD_MEMBERS.has(name)));
  }

  fieldError(field: string): FieldError | undefined {
    return this.errors.find((error) => error.field === field);
  }

  /** The id of the record a conflict collided with, when the server names it. */
  get existingId(): string | null {
    const id = this.extensions.existingId;
    return typeof id === "string" ? id : null;
  }
}

/** Codes after which the browser no longer holds a usable session. */
export function endsSession(error: unknown): boolean {
  return error instanceof ApiProblem && (error.code === "unauthenticated" || error.code === "csrf_failed");
}
