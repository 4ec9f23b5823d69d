import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createGunzip, createInflate } from "node:zlib";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Services } from "../../app/services";
import { systemActor } from "../../kernel/actor";
import { AppError } from "../../kernel/errors";
import { LocalRateLimiter } from "../../kernel/local-rate-limit";
import { authenticateWriteKey, type TSource } from "../../modules/sources";
import { collectEvents, MAX_BATCH_BYTES, recordRejection } from "../../modules/tracking";
import { nulCharacterError } from "../problem";

const SDK_FILE = fileURLToPath(new URL("../../../sdk/lanthandel.js", import.meta.url));
const ENDPOINTS = ["identify", "track", "page", "screen", "group", "alias", "batch"] as const;
/** Past Segment's 500 KB we still read the body, to answer with a 400 naming the limit. */
const READ_LIMIT = 4 * 1024 * 1024;
const WRITE_KEY_CACHE_MS = 10_000;

declare module "fastify" {
  interface FastifyRequest {
    bodyBytes?: number;
  }
}

/** Segment clients send the write key as the Basic user name; browsers may put it in the body. */
function writeKeyOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const user = decoded.split(":")[0];
    if (user) return user;
  }
  const body = request.body as Record<string, unknown> | null;
  if (body && typeof body === "object" && typeof body.writeKey === "string") return body.writeKey;
  return null;
}

/**
 * The Segment-compatible tracking API. Everything here is public (the write key authenticates),
 * rate-limited per key and per address, and answers only after the events are committed.
 */
export async function trackingRoutes(base: FastifyInstance, services: Services) {
  const perKey = new LocalRateLimiter(services.config.TRACKING_RATE_LIMIT);
  const perIp = new LocalRateLimiter(services.config.TRACKING_IP_RATE_LIMIT);
  const sources = new Map<string, { source: TSource; at: number }>();
  const collector = services.systemCtx("tracking");

  async function sourceFor(writeKey: string): Promise<TSource> {
    const hit = sources.get(writeKey);
    // A revoked key keeps working for at most the cache lifetime.
    if (hit && performance.now() - hit.at < WRITE_KEY_CACHE_MS) return hit.source;
    const source = await authenticateWriteKey(collector, writeKey);
    if (sources.size > 10_000) sources.clear();
    sources.set(writeKey, { source, at: performance.now() });
    return source;
  }

  /** A high surrogate escape not followed by a low one, or a low one without a high one before it. */
  const LONE_SURROGATE =
    /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;
  /** `\u0000` in JSON text, its backslash not itself escaped. */
  const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;

  await base.register(async (app) => {
    // Bodies are read as text so their size is known and Segment's limits can be named in a 400;
    // browsers send text/plain to avoid a CORS preflight, server libraries may gzip.
    app.removeAllContentTypeParsers();
    // Any content type: clients differ in what they declare, and the body is JSON whatever they say.
    app.addContentTypeParser("*", { parseAs: "string", bodyLimit: READ_LIMIT }, (request, body, done) => {
      const text = String(body);
      request.bodyBytes = Buffer.byteLength(text);
      if (request.bodyBytes > MAX_BATCH_BYTES) return done(null, null);
      // Refused before the write: the `json` payload columns would take an escaped NUL and keep
      // it, for every later reader as `jsonb` or text to fail on.
      if (text.includes("\\u0000") && NUL_ESCAPE.test(text)) return done(nulCharacterError());
      // Half of a surrogate pair is no character: PostgreSQL refuses it, so the client hears it here.
      if (text.includes("\\u") && LONE_SURROGATE.test(text)) {
        return done(
          new AppError("bad_request", "The body holds half of a UTF-16 surrogate pair", {
            fields: [
              { field: "body", code: "invalid_unicode", message: "A \\uD800–\\uDFFF escape without its other half" },
            ],
          }),
        );
      }
      try {
        done(null, text === "" ? null : JSON.parse(text));
      } catch (error) {
        done(
          new AppError("bad_request", `Malformed JSON: ${(error as Error).message}`, {
            fields: [{ field: "body", code: "invalid_json", message: "The body is not valid JSON" }],
          }),
        );
      }
    });
    app.addHook("preParsing", async (request, _reply, payload) => {
      const encoding = request.headers["content-encoding"];
      if (encoding !== "gzip" && encoding !== "deflate") return payload;
      const inflated: Readable & { receivedEncodedLength?: number } = payload.pipe(
        encoding === "gzip" ? createGunzip() : createInflate(),
      );
      // Content-Length counts the compressed bytes; the body limit then applies to what they inflate to.
      inflated.receivedEncodedLength = 0;
      payload.on("data", (chunk: Buffer) => {
        inflated.receivedEncodedLength = (inflated.receivedEncodedLength ?? 0) + chunk.length;
      });
      return inflated;
    });
    app.addHook("onSend", async (request, reply) => {
      reply.header("access-control-allow-origin", request.headers.origin ?? "*");
      reply.header("vary", "origin");
    });

    app.options("/v1/*", { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .header("access-control-allow-methods", "POST, OPTIONS")
        .header("access-control-allow-headers", "authorization, content-type, content-encoding")
        .header("access-control-max-age", "86400")
        .status(204)
        .send(),
    );

    for (const endpoint of ENDPOINTS) {
      app.post(
        `/v1/${endpoint}`,
        {
          bodyLimit: READ_LIMIT,
          config: { public: true },
          schema: {
            tags: ["tracking"],
            summary: `Segment ${endpoint} call`,
            description:
              "Segment-compatible. Authenticate with HTTP Basic, the write key as user name (or `writeKey` in the body). 32 KB per event, 500 KB per request. Answers 200 once the events are committed.",
            security: [{ writeKey: [] }],
          },
        },
        async (request, reply) => {
          const ip = request.ip;
          let source: TSource | null = null;
          try {
            perIp.take(ip);
            const writeKey = writeKeyOf(request);
            if (!writeKey) throw new AppError("unauthenticated", "Send the write key as the HTTP Basic user name");
            source = await sourceFor(writeKey);
            perKey.take(source.id);
            if ((request.bodyBytes ?? 0) > MAX_BATCH_BYTES) {
              throw new AppError("validation_failed", "A request may hold at most 500 KB", {
                fields: [{ field: "body", code: "batch_too_large", message: "The request is larger than 500 KB" }],
                extra: { reason: "batch_too_large", limit: MAX_BATCH_BYTES },
              });
            }
            const result = await collectEvents(
              services.ctx(systemActor(`source:${source.name}`), String(request.id)),
              {
                source,
                body: request.body,
                endpoint,
                bodyBytes: request.bodyBytes ?? 0,
                requestIp: ip,
                requestUserAgent: request.headers["user-agent"] ?? null,
              },
              await services.trackingDeps(),
            );
            return reply.send({ success: true, ...result });
          } catch (error) {
            if (error instanceof AppError) {
              if (error.code === "rate_limited") reply.header("retry-after", String(error.extra.retryAfter ?? 1));
              if (error.status < 500 && error.code !== "rate_limited") {
                await recordRejection(collector, {
                  sourceId: source?.id ?? null,
                  code: error.fields[0]?.code ?? error.code,
                  detail: error.message,
                  field: error.fields[0]?.field ?? null,
                  excerpt: request.body ? JSON.stringify(request.body).slice(0, 2_000) : null,
                  ip,
                });
              }
            }
            throw error;
          }
        },
      );
    }
  });

  base.get("/sdk/lanthandel.js", { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(SDK_FILE)) throw new AppError("not_found", "The tracking snippet is not in this build");
    return reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .header("access-control-allow-origin", "*")
      .send(createReadStream(SDK_FILE));
  });
}
