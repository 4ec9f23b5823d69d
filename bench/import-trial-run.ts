/**
 * A trial run (`lanthandel import people --dry-run`) of the benchmark's people file into an empty
 * register, then the real import of the same file: rows/s of each, and `\copy` of the file in the
 * same run. A trial run writes every batch in one transaction and takes it all back; the database
 * does not sample the tables meanwhile.
 *
 *   npx tsx bench/import-trial-run.ts <postgres|pglite> <people>
 */
import { createReadStream, statSync } from "node:fs";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { copyCsv } from "./copy-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const people = Number(process.argv[3] ?? 300_000);
const csvPath = `/tmp/lh-bench-people-${people}.csv`;
const dbName = `lh_bench_trial_run_${kind}`;

async function main() {
  try {
    statSync(csvPath);
  } catch {
    await writePeopleCsv(csvPath, people);
  }
  const { services, store, drop } = await openBenchServices(kind, dbName);
  try {
    const ctx = services.systemCtx("bench");
    const copyMs = await copyCsv(store, dbName, csvPath);
    const timed = async (dryRun: boolean) => {
      const started = performance.now();
      const report = await importCsv(ctx, createReadStream(csvPath), { entity: "people", system: "bench", dryRun });
      return { ms: performance.now() - started, created: report.created };
    };
    const trial = await timed(true);
    const real = await timed(false);
    const rate = (ms: number) => Math.round(people / (ms / 1000));
    process.stdout.write(
      `${JSON.stringify({
        machine: machine(),
        kind,
        people,
        copyRowsPerSecond: rate(copyMs),
        trialRunRowsPerSecond: rate(trial.ms),
        trialRunCounted: trial.created,
        importRowsPerSecond: rate(real.ms),
        imported: real.created,
      })}\n`,
    );
  } finally {
    await drop();
  }
}

await main();
