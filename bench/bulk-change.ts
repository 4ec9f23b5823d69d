/**
 * A sales manager moves a list's customers to a new stage: every person the list matches, in one
 * change, against the same change made one record at a time (a `PATCH` per person, each in a
 * savepoint of one transaction, as bulk changes were made before). Both are timed alone, on the
 * same imported people, taking turns; each run changes every person (the stage alternates).
 *
 *   npx tsx bench/bulk-change.ts postgres|pglite [people=10000] [runs=3] [one-by-one=yes|no]
 *
 * With `no`, only the change for everyone matched is timed (one at a time takes about 9 ms a
 * person, a quarter of an hour at 100 000).
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { bulkChangePeople } from "../src/flows/bulk-change-records";
import { importCsv } from "../src/flows/import-csv";
import { withTransaction } from "../src/kernel/ctx";
import { updatePerson } from "../src/modules/register";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 10_000);
const runs = Number(process.argv[4] ?? 3);
const compare = process.argv[5] !== "no";
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  const file = join(tmpdir(), `lh-bulk-${size}.csv`);
  await writePeopleCsv(file, size, 17);
  const { services, drop } = await openBenchServices(kind, `lh_bench_bulk_${kind}`);
  const rounds: Array<{ matchMs: number; oneByOneMs: number; ids500Ms: number; oneByOne500Ms: number }> = [];
  try {
    const ctx = services.systemCtx("bench");
    await importCsv(ctx, createReadStream(file), { entity: "people", system: "bench" });
    await services.store.db.execute(sql`delete from outbox_events`);
    const ids = (await queryRows<{ id: string }>(services.store.db, sql`select id from people order by id`)).map(
      (row) => row.id,
    );
    const stages = ["lead", "customer"] as const;
    let turn = 0;
    const nextStage = () => stages[turn++ % 2] as (typeof stages)[number];
    const oneByOne = async (some: readonly string[]) => {
      const lifecycleStage = nextStage();
      const started = performance.now();
      // The way before: each record through the single change, in chunks of the old limit of 500.
      for (let start = 0; start < some.length; start += 500) {
        await withTransaction(ctx, async (tx) => {
          for (const id of some.slice(start, start + 500)) {
            await withTransaction(tx, (each) => updatePerson(each, id, { lifecycleStage }));
          }
        });
      }
      return performance.now() - started;
    };
    const together = async (input: { ids: string[] } | { match: object }, expected: number) => {
      const started = performance.now();
      const result = await bulkChangePeople(ctx, { ...input, set: { lifecycleStage: nextStage() } });
      const ms = performance.now() - started;
      if (result.changed !== expected) throw new Error(`changed ${result.changed} of ${expected}`);
      return ms;
    };
    for (let round = 0; round < runs; round++) {
      if (!compare) {
        // Without the one-at-a-time runs in between, everybody is first put back on the other stage.
        const other = stages[(turn + 1) % 2] as string;
        await services.store.db.execute(sql`update people set lifecycle_stage = ${other}`);
      }
      const matchMs = await together({ match: {} }, size);
      const oneByOneMs = compare ? await oneByOne(ids) : Number.NaN;
      const ids500Ms = await together({ ids: ids.slice(0, 500) }, 500);
      const oneByOne500Ms = compare ? await oneByOne(ids.slice(0, 500)) : Number.NaN;
      const result = { matchMs, oneByOneMs, ids500Ms, oneByOne500Ms };
      log(JSON.stringify(result));
      rounds.push(result);
      await services.store.db.execute(sql`delete from outbox_events`);
    }
  } finally {
    await drop();
  }
  const seconds = (pick: (round: (typeof rounds)[number]) => number) => median(rounds.map(pick)) / 1000;
  const summary = {
    machine: machine(),
    kind,
    people: size,
    runs,
    everyMatchSeconds: seconds((round) => round.matchMs),
    everyMatchOneByOneSeconds: seconds((round) => round.oneByOneMs),
    ratio: seconds((round) => round.oneByOneMs) / seconds((round) => round.matchMs),
    ids500Seconds: seconds((round) => round.ids500Ms),
    ids500OneByOneSeconds: seconds((round) => round.oneByOne500Ms),
    rounds,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/bulk-change-${kind}-${size}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
