/**
 * Re-importing a file the register already holds (a nightly export from the web shop, sent again):
 * every row is found and unchanged. Measures rows/s of the first import and of the repeat, on one
 * store, the repeat's report checked to be all unchanged; then of the file with everyone moved
 * (each row another street: an address update from the population register), all updated.
 *
 *   npx tsx bench/reimport.ts postgres [people=100000]
 */
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const peopleCount = Number(process.argv[3] ?? 100_000);
const csvPath = `/tmp/lh-bench-people-${peopleCount}.csv`;
const movedPath = `/tmp/lh-bench-people-moved-${peopleCount}.csv`;
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  try {
    statSync(csvPath);
  } catch {
    await writePeopleCsv(csvPath, peopleCount);
  }
  const { services, drop } = await openBenchServices(kind, `lh_bench_reimport_${kind}`);
  const ctx = services.systemCtx("bench");
  try {
    const timed = async () => {
      const started = performance.now();
      const report = await importCsv(ctx, createReadStream(csvPath), { entity: "people", system: "bench" });
      return { report, rate: Math.round(report.rowsRead / ((performance.now() - started) / 1000)) };
    };
    const first = await timed();
    log(`first import: ${first.rate} rows/s (${first.report.created} created)`);
    const again = await timed();
    log(`re-import: ${again.rate} rows/s (${again.report.unchanged} unchanged, ${again.report.updated} updated)`);
    if (again.report.unchanged !== peopleCount) throw new Error("the repeat was not all unchanged");
    const [header, ...lines] = readFileSync(csvPath, "utf8").trimEnd().split("\n");
    const street = (header ?? "").split(",").indexOf("street");
    writeFileSync(
      movedPath,
      `${[
        header,
        ...lines.map((line, index) =>
          line
            .split(",")
            .with(street, `Flyttvägen ${1 + (index % 90)}`)
            .join(","),
        ),
      ].join("\n")}\n`,
    );
    const movedStarted = performance.now();
    const moved = await importCsv(ctx, createReadStream(movedPath), { entity: "people", system: "bench" });
    const movedRate = Math.round(moved.rowsRead / ((performance.now() - movedStarted) / 1000));
    log(`everyone moved: ${movedRate} rows/s (${moved.updated} updated)`);
    if (moved.updated !== peopleCount)
      throw new Error(`the moves were not all updates: ${JSON.stringify(moved).slice(0, 300)}`);
    const results = {
      kind,
      machine: machine(),
      people: peopleCount,
      at: new Date().toISOString(),
      firstImportRowsPerSecond: first.rate,
      reimportRowsPerSecond: again.rate,
      reimportUnchanged: again.report.unchanged,
      movedRowsPerSecond: movedRate,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(`bench/results/reimport-${kind}-${peopleCount}.json`, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await drop();
  }
}

await main();
