/**
 * The duplicate check that follows an import: every imported person is matched against the
 * register by the event dispatcher, 25 people to an event (`person.imported`). Times the
 * import, then the dispatcher working off what it left, and the time per event in its slowest
 * batch: on the embedded store an event holds the only connection, so that is about how long a
 * request can wait behind the matching.
 *
 *   npx tsx bench/match-backlog.ts postgres|pglite [people=20000] [runs=3]
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 20_000);
const runs = Number(process.argv[4] ?? 3);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Run {
  importMs: number;
  matchMs: number;
  events: number;
  slowestBatchPerEventMs: number;
  peoplePerSecond: number;
  candidates: number;
}

async function once(file: string, index: number): Promise<Run> {
  const { services, drop } = await openBenchServices(kind, `lh_bench_backlog_${kind}_${index}`);
  try {
    const ctx = services.systemCtx("bench");
    let started = performance.now();
    await importCsv(ctx, createReadStream(file), { entity: "people", system: "bench" });
    const importMs = performance.now() - started;
    started = performance.now();
    let events = 0;
    let slowestBatchPerEventMs = 0;
    // One event a call, as the dispatcher's batches run them one after the other.
    for (;;) {
      const eventStart = performance.now();
      const claimed = await services.bus.dispatchPending();
      if (claimed === 0) break;
      events += claimed;
      slowestBatchPerEventMs = Math.max(slowestBatchPerEventMs, (performance.now() - eventStart) / claimed);
    }
    const matchMs = performance.now() - started;
    const [row] = await queryRows<{ n: number }>(
      services.store.db,
      sql`select count(*)::int as n from match_candidates`,
    );
    return {
      importMs,
      matchMs,
      events,
      slowestBatchPerEventMs,
      peoplePerSecond: size / (matchMs / 1000),
      candidates: Number(row?.n ?? 0),
    };
  } finally {
    await drop();
  }
}

async function main() {
  const file = join(tmpdir(), `lh-backlog-${size}.csv`);
  log(`writing ${size} people`);
  await writePeopleCsv(file, size, 11);
  const results: Run[] = [];
  for (let index = 0; index < runs; index++) {
    log(`run ${index + 1} of ${runs}`);
    const result = await once(file, index);
    log(JSON.stringify(result));
    results.push(result);
  }
  const summary = {
    machine: machine(),
    kind,
    people: size,
    runs,
    importSeconds: median(results.map((result) => result.importMs / 1000)),
    matchSeconds: median(results.map((result) => result.matchMs / 1000)),
    matchedPerSecond: median(results.map((result) => result.peoplePerSecond)),
    events: results[0]?.events,
    slowestBatchPerEventMs: median(results.map((result) => result.slowestBatchPerEventMs)),
    candidates: results[0]?.candidates,
    results,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/match-backlog-${kind}-${size}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
