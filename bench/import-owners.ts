/**
 * What naming each customer's seller costs an import: the benchmark's people file, once as it is
 * and once with a `Säljare` column (one of 20 sellers by name on three rows in four, the fourth
 * empty), each imported into a fresh register, rounds taking turns; medians of rows/s. The file
 * without the column is the peer. The sellers' customers are counted afterwards, so a run that
 * lost them fails.
 *
 *   npx tsx bench/import-owners.ts <postgres|pglite> [people=100000] [rounds=3]
 */
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { createUser } from "../src/modules/access";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const peopleCount = Number(process.argv[3] ?? 100_000);
const rounds = Number(process.argv[4] ?? 3);
const plainPath = `/tmp/lh-bench-people-${peopleCount}.csv`;
const sellersPath = `/tmp/lh-bench-people-sellers-${peopleCount}.csv`;
const SELLERS = Array.from({ length: 20 }, (_, index) => `Säljare Nummer${index + 1}`);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function writeSellersCsv() {
  const lines = readFileSync(plainPath, "utf8").trimEnd().split("\n");
  const [header, ...rows] = lines;
  const withSellers = rows.map((line, index) => `${line},${index % 4 === 3 ? "" : SELLERS[index % SELLERS.length]}`);
  writeFileSync(sellersPath, `${[`${header},Säljare`, ...withSellers].join("\n")}\n`);
}

async function importOnce(file: string, withSellers: boolean): Promise<number> {
  const { services, drop } = await openBenchServices(kind, `lh_bench_owners_${kind}`);
  const ctx = services.systemCtx("bench");
  try {
    for (const [index, name] of SELLERS.entries()) {
      await createUser(ctx, {
        email: `saljare${index + 1}@bench.example`,
        name,
        password: "bench password 1",
        role: "sales",
      });
    }
    const started = performance.now();
    const report = await importCsv(ctx, createReadStream(file), { entity: "people", system: "bench" });
    const rate = Math.round(report.rowsRead / ((performance.now() - started) / 1000));
    if (report.failed > 0 || report.created !== peopleCount)
      throw new Error(`import failed: ${JSON.stringify(report).slice(0, 400)}`);
    const owned = (await services.store.db.execute(
      sql`select count(*)::int as n from people where owner_id is not null`,
    )) as unknown as {
      rows: Array<{ n: number }>;
    };
    const expected = withSellers ? peopleCount - Math.floor(peopleCount / 4) : 0;
    if (owned.rows[0]?.n !== expected) throw new Error(`${owned.rows[0]?.n} people owned, expected ${expected}`);
    return rate;
  } finally {
    await drop();
  }
}

async function main() {
  try {
    statSync(plainPath);
  } catch {
    await writePeopleCsv(plainPath, peopleCount);
  }
  writeSellersCsv();
  const plain: number[] = [];
  const sellers: number[] = [];
  for (let round = 0; round < rounds; round++) {
    plain.push(await importOnce(plainPath, false));
    log(`round ${round + 1}: without sellers ${plain.at(-1)} rows/s`);
    sellers.push(await importOnce(sellersPath, true));
    log(`round ${round + 1}: with Säljare ${sellers.at(-1)} rows/s`);
  }
  const results = {
    kind,
    machine: machine(),
    people: peopleCount,
    rounds,
    at: new Date().toISOString(),
    withoutSellersRowsPerSecond: plain,
    withSellersRowsPerSecond: sellers,
    medianWithout: median(plain),
    medianWith: median(sellers),
    ratio: Number((median(sellers) / median(plain)).toFixed(3)),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/import-owners-${kind}-${peopleCount}.json`, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
