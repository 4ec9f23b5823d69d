import { ApiProblem, type Problem } from "./api-problem";
import { csrfToken } from "./csrf-token";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiOptions {
  method?: Method;
  /** Sent as JSON, as multipart/form-data when it is a FormData, or as it is when it is a file. */
  body?: unknown;
  /** The type of a file body: the browser's guess for a .csv is often Excel's, not text/csv. */
  fileType?: string;
  /** A list of values is sent as the parameter repeated, as the lists' filters are. */
  query?: Record<string, string | number | readonly string[] | undefined>;
}

function urlOf(path: string, query: ApiOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (typeof value === "object") for (const each of value) params.append(name, each);
    else if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    const body = (await response.json().catch(() => null)) as (Partial<Problem> & Record<string, unknown>) | null;
    if (body && typeof body.code === "string") {
      return new ApiProblem({ ...body, code: body.code, status: response.status, detail: body.detail ?? "" });
    }
  }
  return new ApiProblem({ status: response.status, code: "http_error", detail: response.statusText });
}

/** Calls the API with the session cookie; every write carries the session's CSRF token. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  const isForm = options.body instanceof FormData;
  const isFile = options.body instanceof Blob;
  // Fastify refuses an empty body declared as JSON, so the type is sent only with a body; the
  // browser writes a form's type itself, with the boundary.
  if (isFile) headers["content-type"] = options.fileType ?? "application/octet-stream";
  else if (options.body !== undefined && !isForm) headers["content-type"] = "application/json";
  const token = csrfToken.get();
  if (method !== "GET" && token) headers["x-csrf-token"] = token;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body:
        isForm || isFile
          ? (options.body as FormData | Blob)
          : options.body === undefined
            ? undefined
            : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiProblem({ status: 0, code: "network_error", detail: "The server could not be reached" });
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
