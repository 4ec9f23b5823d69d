/**
 * A seller leaves: every customer in their name is handed to a colleague in one transaction,
 * audited per customer, with a `person.updated` event per person. Times the hand-over alone,
 * after importing the customers and putting them in the leaving seller's name.
 *
 *   npx tsx bench/hand-over.ts postgres|pglite [people=5000] [runs=3]
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { handOverUserRecords } from "../src/flows/hand-over-user-records";
import { importCsv } from "../src/flows/import-csv";
import { createUser } from "../src/modules/access";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 5_000);
const runs = Number(process.argv[4] ?? 3);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function once(file: string, index: number): Promise<{ handOverMs: number; events: number }> {
  const { services, drop } = await openBenchServices(kind, `lh_bench_handover_${kind}_${index}`);
  try {
    const ctx = services.systemCtx("bench");
    await importCsv(ctx, createReadStream(file), { entity: "people", system: "bench" });
    // The import's own events (the duplicate check) are not what is timed.
    await services.store.db.execute(sql`delete from outbox_events`);
    const leaving = await createUser(ctx, {
      email: "lamnar@bench.test",
      name: "Lämnar",
      password: "ett-långt-lösenord-1",
      role: "sales",
    });
    const taking = await createUser(ctx, {
      email: "tar@bench.test",
      name: "Tar över",
      password: "ett-långt-lösenord-2",
      role: "sales",
    });
    await services.store.db.execute(sql`update people set owner_id = ${leaving.id}`);
    const started = performance.now();
    const result = await handOverUserRecords(ctx, leaving.id, { to: { userId: taking.id } });
    const handOverMs = performance.now() - started;
    if (result.people !== size) throw new Error(`handed over ${result.people} of ${size}`);
    const [row] = await queryRows<{ n: number }>(services.store.db, sql`select count(*)::int as n from outbox_events`);
    return { handOverMs, events: Number(row?.n ?? 0) };
  } finally {
    await drop();
  }
}

async function main() {
  const file = join(tmpdir(), `lh-handover-${size}.csv`);
  await writePeopleCsv(file, size, 13);
  const results = [];
  for (let index = 0; index < runs; index++) {
    const result = await once(file, index);
    log(JSON.stringify(result));
    results.push(result);
  }
  const summary = {
    machine: machine(),
    kind,
    people: size,
    runs,
    handOverSeconds: median(results.map((result) => result.handOverMs / 1000)),
    results,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/hand-over-${kind}-${size}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
