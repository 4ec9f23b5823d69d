import { SEGMENT_TYPES, type TSegmentType } from "./schema";

type JsonObject = Record<string, unknown>;

/** A Segment message after validation, before enrichment. */
export interface TSegmentMessage {
  type: TSegmentType;
  messageId: string;
  anonymousId: string | null;
  userId: string | null;
  /** The track event name, or the page/screen name. */
  name: string | null;
  groupId: string | null;
  previousId: string | null;
  properties: JsonObject | null;
  traits: JsonObject | null;
  context: JsonObject | null;
  integrations: JsonObject | null;
  timestamp: Date | null;
  sentAt: Date | null;
  originalTimestamp: Date | null;
}

export interface TMessageProblem {
  code: "invalid_message" | "missing_identity" | "timestamp_in_future" | "event_too_large";
  field: string;
  detail: string;
}

export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
const MAX_ID_LENGTH = 500;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Invalid extends Error {
  constructor(readonly problem: TMessageProblem) {
    super(problem.detail);
  }
}

const fail = (field: string, detail: string, code: TMessageProblem["code"] = "invalid_message"): never => {
  throw new Invalid({ code, field, detail });
};

/** Segment ids are strings; clients in loosely typed languages send numbers too, which we keep as text. */
function readId(raw: JsonObject, key: string, path: string): string | null {
  const value = raw[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return fail(`${path}.${key}`, `${key} must be a string`);
  if (value.length > MAX_ID_LENGTH) return fail(`${path}.${key}`, `${key} is longer than ${MAX_ID_LENGTH} characters`);
  return value;
}

function readText(raw: JsonObject, key: string, path: string): string | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return fail(`${path}.${key}`, `${key} must be a string`);
  if (value.length > 1000) return fail(`${path}.${key}`, `${key} is longer than 1000 characters`);
  return value;
}

function readObject(raw: JsonObject, key: string, path: string): JsonObject | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (!isObject(value)) return fail(`${path}.${key}`, `${key} must be an object`);
  return value;
}

function readTime(raw: JsonObject, key: string, path: string): Date | null {
  const value = raw[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") return fail(`${path}.${key}`, `${key} must be an ISO 8601 date-time string`);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return fail(`${path}.${key}`, `${key} is not an ISO 8601 date-time: ${value.slice(0, 40)}`);
  return new Date(time);
}

/**
 * Validates one message as the Segment spec defines it. `type` may come from the endpoint
 * (`/v1/track`) rather than the body. Unknown top-level fields are ignored, as Segment does.
 */
export function parseSegmentMessage(
  raw: unknown,
  path: string,
  typeFromEndpoint: TSegmentType | null,
): { ok: true; message: TSegmentMessage } | { ok: false; problem: TMessageProblem } {
  try {
    return { ok: true, message: readMessage(raw, path, typeFromEndpoint) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, problem: error.problem };
    throw error;
  }
}

function readMessage(raw: unknown, path: string, typeFromEndpoint: TSegmentType | null): TSegmentMessage {
  if (!isObject(raw)) return fail(path, "A message must be a JSON object");
  const rawType = typeFromEndpoint ?? raw.type;
  if (typeof rawType !== "string" || !(SEGMENT_TYPES as readonly string[]).includes(rawType)) {
    return fail(`${path}.type`, `type must be one of ${SEGMENT_TYPES.join(", ")}`);
  }
  const type = rawType as TSegmentType;
  const messageId = readId(raw, "messageId", path);
  const anonymousId = readId(raw, "anonymousId", path);
  const userId = readId(raw, "userId", path);
  const properties = readObject(raw, "properties", path);
  const context = readObject(raw, "context", path);
  const integrations = readObject(raw, "integrations", path);
  // Older clients put identify traits in context.traits.
  const traits = readObject(raw, "traits", path) ?? (type === "identify" && context ? readTraitsOf(context) : null);
  let name: string | null = null;
  let groupId: string | null = null;
  let previousId: string | null = null;
  if (type === "track") {
    name = readText(raw, "event", path);
    if (!name) fail(`${path}.event`, "A track call needs an event name");
  } else if (type === "page" || type === "screen") {
    name = readText(raw, "name", path);
  } else if (type === "group") {
    groupId = readId(raw, "groupId", path);
    if (!groupId) fail(`${path}.groupId`, "A group call needs a groupId");
  } else if (type === "alias") {
    previousId = readId(raw, "previousId", path);
    if (!previousId) fail(`${path}.previousId`, "An alias call needs a previousId");
    if (!userId) fail(`${path}.userId`, "An alias call needs a userId");
  }
  if (!userId && !anonymousId) {
    fail(`${path}.userId`, "A message needs a userId or an anonymousId", "missing_identity");
  }
  return {
    type,
    messageId: messageId ?? "",
    anonymousId,
    userId,
    name,
    groupId,
    previousId,
    properties,
    traits,
    context,
    integrations,
    timestamp: readTime(raw, "timestamp", path),
    sentAt: readTime(raw, "sentAt", path),
    originalTimestamp: readTime(raw, "originalTimestamp", path),
  };
}

function readTraitsOf(context: JsonObject): JsonObject | null {
  return isObject(context.traits) ? context.traits : null;
}

export { isObject };
