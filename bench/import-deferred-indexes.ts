/**
 * Would a first import into an empty register gain from building the secondary indexes after
 * loading? One run imports the benchmark's people file as `lanthandel import people` does, with
 * every index in place (`normal`) or with each index that is neither unique nor a primary key
 * dropped first and built again after the import (`deferred`); the time of those builds counts.
 * Prints the rate, the importing process's CPU seconds and `\copy` of the same file in the run.
 *
 *   npx tsx bench/import-deferred-indexes.ts <people> <normal|deferred>
 */
import { createReadStream, statSync } from "node:fs";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import { importCsv } from "../src/flows/import-csv";
import { copyCsv } from "./copy-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, openBenchServices } from "./support";

const people = Number(process.argv[2] ?? 1_000_000);
const mode = process.argv[3] === "deferred" ? "deferred" : "normal";
const csvPath = `/tmp/lh-bench-people-${people}.csv`;
const dbName = "lh_bench_deferred_indexes";
/** The tables an import of new people writes. */
const TABLES = ["people", "external_ids", "emails", "phones", "addresses", "person_name_words", "name_vocabulary"];

async function main() {
  try {
    statSync(csvPath);
  } catch {
    await writePeopleCsv(csvPath, people);
  }
  const { services, store, drop } = await openBenchServices("postgres", dbName);
  try {
    const copyMs = await copyCsv(store, dbName, csvPath);
    const secondary = await queryRows<{ name: string; definition: string }>(
      store.db,
      sql.raw(`select i.indexname as name, i.indexdef as definition
               from pg_indexes i join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
               where i.schemaname = 'public' and not x.indisunique and not x.indisprimary
                 and i.tablename in (${TABLES.map((table) => `'${table}'`).join(", ")})`),
    );
    if (mode === "deferred") {
      for (const index of secondary) await store.db.execute(sql.raw(`drop index "${index.name}"`));
    }
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await importCsv(services.systemCtx("bench"), createReadStream(csvPath), {
      entity: "people",
      system: "bench",
    });
    const importMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    let buildMs = 0;
    if (mode === "deferred") {
      const building = performance.now();
      await store.db.execute(sql.raw("set maintenance_work_mem = '512MB'"));
      for (const index of secondary) await store.db.execute(sql.raw(index.definition));
      buildMs = performance.now() - building;
    }
    const copyRate = people / (copyMs / 1000);
    const rate = people / ((importMs + buildMs) / 1000);
    const result = {
      machine: machine(),
      mode,
      people,
      created: report.created,
      failed: report.failed,
      secondaryIndexes: secondary.length,
      copyRowsPerSecond: Math.round(copyRate),
      importSeconds: Number((importMs / 1000).toFixed(1)),
      indexBuildSeconds: Number((buildMs / 1000).toFixed(1)),
      rowsPerSecond: Math.round(rate),
      toCopy: Number((rate / copyRate).toFixed(4)),
      importerCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await drop();
  }
}

await main();
