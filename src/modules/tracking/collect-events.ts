import type { Ctx } from "../../kernel/ctx";
import { AppError, type TFieldError } from "../../kernel/errors";
import { uuidv7 } from "../../kernel/ids";
import { authorize } from "../../kernel/permissions";
import { type CountryLookup, enrichEvent, type IpMode } from "../../lib/enrich";
import type { Prepared, TCollectResult } from "./collect-types";
import { correctTimestamps } from "./correct-timestamps";
import { groupWriterFor, type TEventRow, type TPendingRequest, type TWriterDeps, writeRequests } from "./group-writer";
import type { TSegmentType } from "./schema";
import { isObject, MAX_BATCH_BYTES, MAX_EVENT_BYTES, parseSegmentMessage } from "./segment-message";

export interface TrackingDeps extends TWriterDeps {
  countries: CountryLookup | null;
  ipMode: IpMode;
  defaultTimeZone: string;
}

export interface TCollectInput {
  source: { id: string; name: string };
  /** The parsed JSON body. */
  body: unknown;
  /** `batch` for /v1/batch, else the call type of the endpoint. */
  endpoint: TSegmentType | "batch";
  /** Size of the body as received (after decompression). */
  bodyBytes: number;
  requestIp: string | null;
  requestUserAgent: string | null;
}

const MAX_REPORTED_PROBLEMS = 20;

/**
 * Accepts one Segment call or batch. The whole request is validated and enriched first, so a
 * rejected batch stores nothing; what is accepted is committed, identities linked and computed
 * traits updated in one transaction before the caller may acknowledge it. Concurrent requests
 * share that transaction (group commit), which is what lets one process take tens of thousands
 * of events a second with few round trips.
 */
export async function collectEvents(ctx: Ctx, input: TCollectInput, deps: TrackingDeps): Promise<TCollectResult> {
  authorize(ctx.actor, "events", "write");
  const receivedAt = ctx.clock.now();
  const prepared = prepareMessages(input, receivedAt);
  if (prepared.length === 0) return { accepted: 0, duplicates: 0 };
  const pending: TPendingRequest = {
    source: input.source,
    receivedAt,
    entries: prepared.map((entry) => ({ ...entry, row: eventRow(input, entry, receivedAt, deps) })),
  };
  if (ctx.inTransaction) {
    const [result] = await writeRequests(ctx, [pending], deps);
    return result as TCollectResult;
  }
  return groupWriterFor(ctx, deps).submit(pending);
}

function prepareMessages(input: TCollectInput, receivedAt: Date): Prepared[] {
  if (input.bodyBytes > MAX_BATCH_BYTES) {
    throw new AppError("payload_too_large", `A request may hold at most ${MAX_BATCH_BYTES / 1024} KB`, {
      extra: { limit: MAX_BATCH_BYTES, reason: "batch_too_large" },
    });
  }
  if (!isObject(input.body))
    throw invalid([{ field: "body", code: "invalid_message", message: "Expected a JSON object" }]);
  const body = input.body;
  let raws: unknown[];
  let typeFromEndpoint: TSegmentType | null = null;
  let batchSentAt: Date | null = null;
  if (input.endpoint === "batch") {
    if (!Array.isArray(body.batch)) {
      throw invalid([{ field: "batch", code: "invalid_message", message: "batch must be an array of messages" }]);
    }
    raws = inheritBatchFields(body.batch, body);
    const sent = typeof body.sentAt === "string" ? Date.parse(body.sentAt) : Number.NaN;
    batchSentAt = Number.isNaN(sent) ? null : new Date(sent);
  } else {
    raws = [body];
    typeFromEndpoint = input.endpoint;
  }
  const checkSizes = input.bodyBytes > MAX_EVENT_BYTES;
  const problems: TFieldError[] = [];
  const prepared: Prepared[] = [];
  raws.forEach((raw, index) => {
    if (problems.length >= MAX_REPORTED_PROBLEMS) return;
    const path = input.endpoint === "batch" ? `batch.${index}` : "body";
    if (checkSizes && Buffer.byteLength(JSON.stringify(raw)) > MAX_EVENT_BYTES) {
      problems.push({ field: path, code: "event_too_large", message: `An event may hold at most 32 KB` });
      return;
    }
    const parsed = parseSegmentMessage(raw, path, typeFromEndpoint);
    if (!parsed.ok) {
      problems.push({ field: parsed.problem.field, code: parsed.problem.code, message: parsed.problem.detail });
      return;
    }
    const times = correctTimestamps(parsed.message, receivedAt, batchSentAt);
    if (!times) {
      problems.push({
        field: `${path}.timestamp`,
        code: "timestamp_in_future",
        message: "The timestamp is more than a day in the future",
      });
      return;
    }
    // Segment clients always send one; a hand-written call without it is stored, just never de-duplicated.
    if (!parsed.message.messageId) parsed.message.messageId = uuidv7(receivedAt.getTime());
    prepared.push({ message: parsed.message, ...times });
  });
  if (problems.length > 0) throw invalid(problems);
  return prepared;
}

/** Batch-level `context` and `integrations` apply to every message that lacks its own. */
function inheritBatchFields(batch: unknown[], body: Record<string, unknown>): unknown[] {
  const context = isObject(body.context) ? body.context : null;
  const integrations = isObject(body.integrations) ? body.integrations : null;
  if (!context && !integrations) return batch;
  return batch.map((raw) => {
    if (!isObject(raw)) return raw;
    return {
      ...raw,
      context: isObject(raw.context) ? { ...context, ...raw.context } : (raw.context ?? context),
      integrations: raw.integrations ?? integrations,
    };
  });
}

function invalid(fields: TFieldError[]): AppError {
  const tooLarge = fields.some((field) => field.code === "event_too_large");
  return new AppError(
    "validation_failed",
    tooLarge
      ? "An event is larger than 32 KB; nothing in this request was stored"
      : `${fields.length === 1 ? "A message is" : "Messages are"} not valid; nothing in this request was stored`,
    { fields, extra: tooLarge ? { reason: "event_too_large", limit: MAX_EVENT_BYTES } : {} },
  );
}

function eventRow(input: TCollectInput, entry: Prepared, receivedAt: Date, deps: TrackingDeps): TEventRow {
  const { message } = entry;
  const enrichment = enrichEvent({
    context: message.context ?? undefined,
    properties: message.properties ?? undefined,
    timestamp: entry.occurredAt,
    requestIp: input.requestIp,
    requestUserAgent: input.requestUserAgent,
    ipMode: deps.ipMode,
    countries: deps.countries,
    defaultTimeZone: deps.defaultTimeZone,
  });
  // The raw address is kept only in the enrichment, as the configured mode leaves it.
  let context = message.context;
  if (context && "ip" in context) {
    const { ip: _dropped, ...rest } = context;
    context = rest;
  }
  return {
    id: uuidv7(receivedAt.getTime()),
    source_id: input.source.id,
    message_id: message.messageId,
    type: message.type,
    name: message.name,
    anonymous_id: message.anonymousId,
    user_id: message.userId,
    person_id: null,
    group_id: message.groupId,
    occurred_at: entry.occurredAt.toISOString(),
    received_at: receivedAt.toISOString(),
    sent_at: entry.sentAt?.toISOString() ?? null,
    original_timestamp: entry.originalTimestamp?.toISOString() ?? null,
    properties: message.properties,
    traits: message.traits,
    context,
    integrations: message.integrations,
    enrichment: { ...enrichment, reference: withoutNulls(enrichment.reference) },
  };
}

/**
 * The fields that say something: most visits have no campaign id, term, click id or social
 * network, and their nulls were an eighth of every stored event. Readers take a missing field
 * for null.
 */
function withoutNulls<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in value) if (value[key] !== null) out[key] = value[key];
  return out;
}
