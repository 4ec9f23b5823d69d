import type { FastifyRequest } from "fastify";
import { AppError, type TFieldError } from "../kernel/errors";

/** Half of a UTF-16 surrogate pair: with the `u` flag a whole pair is one code point, not Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Far past any body this API describes (a rule's condition, eight groups deep, is some twenty). */
const MAX_DEPTH = 64;
/** Enough to show a client its mistakes; a body with thousands of them needs no longer list. */
const MOST_FAULTS = 20;

/** Why PostgreSQL could not keep this text, or null when it can. */
function textFault(text: string): Pick<TFieldError, "code" | "message"> | null {
  if (text.includes("\u0000")) {
    return { code: "nul_character", message: "Text may not contain the NUL character \\u0000" };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      code: "invalid_unicode",
      message: "Text may not contain half of a UTF-16 surrogate pair (\\uD800–\\uDFFF)",
    };
  }
  return null;
}

/**
 * Only what JSON and query parsing make: a stream or buffer handed on to a route is not input to
 * walk. The query parser's objects have a prototype of their own, itself without one.
 */
function isJsonContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/**
 * Refuses input the server cannot keep or handle, naming each field at fault. NUL fails the write
 * (as a 500, or a problem that names no field); a lone surrogate would be kept as U+FFFD, the
 * client's text silently changed; and JSON nested thousands deep overflows the stack of whatever
 * reads it next. Every string of the body, query and path is checked, keys too. The walk keeps
 * its own stack, so the depth it refuses cannot overflow it first.
 */
export function assertStorableInput(parts: Record<string, unknown>): void {
  const faults: TFieldError[] = [];
  // A stack, so the last pushed is read first: pushed in reverse, the faults come in reading order.
  const pending = Object.entries(parts)
    .reverse()
    .map(([where, value]) => ({ value, path: where === "body" ? "" : where, depth: 0 }));
  for (let next = pending.pop(); next && faults.length < MOST_FAULTS; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === "string") {
      const fault = textFault(value);
      if (fault) faults.push({ field: path || "body", ...fault });
      continue;
    }
    if (!isJsonContainer(value)) continue;
    if (depth >= MAX_DEPTH) {
      faults.push({ field: path || "body", code: "too_deep", message: `Nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (const [key, item] of entries.reverse()) {
      const field = path ? `${path}.${key}` : String(key);
      const fault = typeof key === "string" ? textFault(key) : null;
      if (fault) faults.push({ field, ...fault });
      pending.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  if (faults.length === 0) return;
  throw new AppError("bad_request", "The request holds text or nesting the server cannot keep", { fields: faults });
}

/** Checked before the schema is: the fault is named even where the schema takes any JSON. */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  assertStorableInput({ body: request.body, querystring: request.query, params: request.params });
}
