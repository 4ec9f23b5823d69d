/**
 * Event collection benchmark: events/s through /v1/batch with enrichment and computed traits on,
 * ack latency at a fixed request rate, and events lost after `kill -9` mid-load.
 *
 *   npx tsx bench/tracking.ts postgres|pglite [events per throughput run]
 *
 * The server runs as its own process (`lanthandel serve`), as in production; the load generator
 * shares the same two cores.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { openServices } from "../src/app/services";
import { openStore } from "../src/db/client";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { loadConfig } from "../src/kernel/config";
import { createWriteKey } from "../src/modules/sources";
import { defineComputedTrait } from "../src/modules/tracking";
import { BENCH_PG_URL, machine, median, percentile, pgUrlFor } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const eventsPerRun = Number(process.argv[3] ?? (kind === "postgres" ? 300_000 : 100_000));
const BATCH = 500;
const PORT = 3990;
const name = `bench_tracking_${kind}`;
const dataDir = `${os.tmpdir()}/${name}`;

const AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
];
const IPS = ["1.178.93.17", "2.16.68.40", "81.228.9.1", "8.8.8.8", "193.11.1.5"];
const PAGES = ["/", "/produkter/kaffe", "/kassa", "/mina-sidor", "/kundtjanst"];

let sequence = 0;
function event(visitor: number): Record<string, unknown> {
  sequence += 1;
  const kindOf = sequence % 10;
  const common = {
    messageId: `bench-${process.pid}-${sequence}`,
    anonymousId: `visitor-${visitor}`,
    ...(visitor % 5 === 0 ? { userId: `kund-${visitor}` } : {}),
    timestamp: new Date().toISOString(),
    context: {
      ip: IPS[visitor % IPS.length],
      userAgent: AGENTS[visitor % AGENTS.length],
      timezone: "Europe/Stockholm",
      locale: "sv-SE",
      screen: { width: 1440, height: 900 },
      page: {
        url: `https://butik.example.se${PAGES[sequence % PAGES.length]}?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=host26`,
        referrer: "https://www.google.com/",
      },
      library: { name: "bench", version: "1" },
    },
  };
  if (kindOf < 6)
    return { ...common, type: "page", properties: { path: PAGES[sequence % PAGES.length], title: "Butiken" } };
  if (kindOf < 8)
    return {
      ...common,
      type: "track",
      event: "Support Call",
      properties: { reason: kindOf === 6 ? "complaint" : "question" },
    };
  return {
    ...common,
    type: "track",
    event: "Order Completed",
    properties: { total: 100 + (sequence % 900), status: "open" },
  };
}

function batchBody(visitors: number, size = BATCH): string {
  const batch = Array.from({ length: size }, () => event(Math.floor(Math.random() * visitors)));
  return JSON.stringify({ batch, sentAt: new Date().toISOString() });
}

async function prepare(): Promise<string> {
  const log = pino({ level: "warn" });
  let databaseUrl: string | undefined;
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: BENCH_PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = pgUrlFor(name);
  } else {
    execFileSync("rm", ["-rf", dataDir]);
  }
  const services = await openServices(
    loadConfig({ LOG_LEVEL: "warn", JOBS: "false", DATABASE_URL: databaseUrl, DATA_DIR: dataDir }),
    {
      log,
      background: false,
    },
  );
  const ctx = services.systemCtx("bench");
  const { writeKey } = await createWriteKey(ctx, { name: "Bench", kind: "server" });
  await defineComputedTrait(ctx, {
    key: "page_views_30d",
    label: "Page views",
    eventType: "page",
    aggregate: "count",
    windowDays: 30,
  });
  await defineComputedTrait(ctx, {
    key: "complaint_calls_90d",
    label: "Complaint calls",
    eventType: "track",
    eventName: "Support Call",
    filters: [{ property: "reason", op: "eq", value: "complaint" }],
    aggregate: "count",
    windowDays: 90,
  });
  await defineComputedTrait(ctx, {
    key: "open_orders_sek",
    label: "Open orders",
    eventType: "track",
    eventName: "Order Completed",
    filters: [{ property: "status", op: "eq", value: "open" }],
    aggregate: "sum",
    property: "total",
    windowDays: 365,
  });
  await services.close();
  return writeKey;
}

/** Servers this run started; none outlives it, even when it fails. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function startServer(): ChildProcess {
  const env = {
    ...process.env,
    PORT: String(PORT),
    LOG_LEVEL: "warn",
    JOBS: "false",
    TRACKING_RATE_LIMIT: "1000000",
    TRACKING_IP_RATE_LIMIT: "1000000",
    ...(kind === "postgres" ? { DATABASE_URL: pgUrlFor(name) } : { DATA_DIR: dataDir, DATABASE_URL: "" }),
  };
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "bin/lanthandel.js", "serve"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function waitReady(): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("server did not become ready");
}

async function stopServer(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** Keep-alive connections, as a client library keeps them; a bounded pool, as a real sender has. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<void>;
}

function post(authorization: string, body: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/v1/batch",
        method: "POST",
        agent,
        timeout: 30_000,
        headers: { authorization, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString();
          resolve({ ok: status >= 200 && status < 300, status, text: async () => text, arrayBuffer: async () => {} });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

/** Closed loop: `concurrency` requests in flight until every prepared batch is acknowledged. */
async function throughput(authorization: string, bodies: Buffer[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as Buffer;
        const response = await post(authorization, body);
        if (!response.ok) throw new Error(`batch refused: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return (bodies.length * BATCH) / ((performance.now() - started) / 1000);
}

/** Open loop: one request every 1/rate s whatever the answers, so slow answers cannot slow the load. */
async function ackLatency(authorization: string, rate: number, seconds: number, perRequest: number) {
  const bodies = Array.from({ length: rate * seconds }, () => batchBody(20_000, perRequest));
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < bodies.length; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const sentAt = performance.now();
    pending.push(
      post(authorization, bodies[index] as string).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - sentAt);
          else failures += 1;
        },
        () => {
          failures += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: Math.round(bodies.length / elapsed),
    eventsPerRequest: perRequest,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures,
  };
}

/** Cumulative counts of /v1/batch answers by duration bucket (seconds), from the server's /metrics. */
async function serverHistogram(): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
  const buckets = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match =
      /_request_duration_seconds_bucket\{le="([^"]+)",method="POST",route="\/v1\/batch",status="200"\} (\d+)/.exec(
        line,
      );
    if (match) buckets.set(match[1] as string, Number(match[2]));
  }
  return buckets;
}

/** Loads the server, kills it with SIGKILL mid-load, and counts acknowledged events not stored. */
async function killTest(authorization: string): Promise<{ acknowledged: number; lost: number }> {
  const server = startServer();
  await waitReady();
  const acknowledged: string[] = [];
  let stop = false;
  const workers = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const body = batchBody(20_000, 100);
      try {
        const response = await post(authorization, body);
        if (response.ok) {
          for (const message of (JSON.parse(body) as { batch: Array<{ messageId: string }> }).batch) {
            acknowledged.push(message.messageId);
          }
        }
        await response.arrayBuffer();
      } catch {
        // the server died under us: this batch was never acknowledged
      }
    }
  });
  await sleep(3_000);
  server.kill("SIGKILL");
  await new Promise((resolve) => server.once("exit", resolve));
  stop = true;
  await Promise.all(workers);
  const store = await openStore(kind === "postgres" ? { databaseUrl: pgUrlFor(name) } : { dataDir });
  const rows = await queryRows<{ n: string }>(
    store.db,
    sql`select count(*) as n from tracked_events where message_id in (select jsonb_array_elements_text(${JSON.stringify(acknowledged)}::jsonb))`,
  );
  await store.close();
  return { acknowledged: acknowledged.length, lost: acknowledged.length - Number(rows[0]?.n ?? 0) };
}

const loadAtStart = os.loadavg().map((value) => Math.round(value * 100) / 100);

async function main() {
  const writeKey = await prepare();
  const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const server = startServer();
  await waitReady();
  // Warm-up: JIT, the country table, connection pools.
  await throughput(
    authorization,
    Array.from({ length: 20 }, () => Buffer.from(batchBody(20_000))),
    2,
  );
  const runs: number[] = [];
  for (let run = 0; run < (process.env.LATENCY_ONLY ? 0 : 3); run++) {
    // Encoded before the clock starts: the load generator shares the two cores with what it measures.
    const bodies = Array.from({ length: Math.ceil(eventsPerRun / BATCH) }, () => Buffer.from(batchBody(20_000)));
    const rate = await throughput(authorization, bodies, 4);
    runs.push(Math.round(rate));
    console.log(`run ${run + 1}: ${Math.round(rate)} events/s`);
  }
  if (process.argv[4] === "throughput") {
    await stopServer(server);
    return;
  }
  const before = await serverHistogram();
  const latency = await ackLatency(authorization, 1000, Number(process.env.LATENCY_SECONDS ?? 10), 5);
  const after = await serverHistogram();
  // The same requests as the server timed them, from its /metrics histogram: tells a slow
  // server from a load generator that could not keep up on the shared cores.
  const serverSide = [...after].map(([le, count]) => [le, count - (before.get(le) ?? 0)] as const);
  const total = serverSide.at(-1)?.[1] ?? 0;
  const serverP99Under = serverSide.find(([, count]) => count >= 0.99 * total)?.[0] ?? "+Inf";
  Object.assign(latency, { serverP99AtMostSeconds: serverP99Under, serverHistogram: Object.fromEntries(serverSide) });
  console.log("ack latency at 1000 requests/s:", latency);
  await stopServer(server);
  if (process.env.LATENCY_ONLY) return;
  const kill = await killTest(authorization);
  console.log("kill -9:", kill);
  const result = {
    benchmark: "tracking",
    store: kind,
    machine: machine(),
    /** Other work on the two cores while this ran, for reading the figures. */
    loadAverageAtStart: loadAtStart,
    at: new Date().toISOString(),
    batchSize: BATCH,
    eventsPerRun,
    computedTraits: 3,
    eventsPerSecondRuns: runs,
    eventsPerSecondMedian: median(runs),
    ackLatency: latency,
    kill,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    `bench/results/tracking-${kind}-${result.at.slice(0, 10)}.json`,
    `${JSON.stringify(result, null, 2)}\n`,
  );
}

await main();
