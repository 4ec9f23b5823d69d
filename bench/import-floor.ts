/**
 * How fast an import could be at best, next to `psql \copy` of the same CSV file (issue: customer
 * register, goal "import at least a third of \copy speed"). Two floors, each measured without the
 * other's cost:
 *
 * - the importer's own work on one core, without a database: parsing the CSV, then parsing and
 *   validating and normalising every row as `lanthandel import people` does;
 * - PostgreSQL's work to store the register's rows for the same file, without validation, without
 *   indexes and without triggers: the rows an import wrote (people with their lineage, external
 *   ids, e-mails, phones, addresses, name words) exported as COPY text, then loaded with `\copy`
 *   into copies of those tables that have no indexes.
 *
 *   npx tsx bench/import-floor.ts [people=100000]
 *
 * Writes bench/results/import-floor-<people>.json. Medians of three rounds.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse";
import { importCsv } from "../src/flows/import-csv";
import { FieldErrors } from "../src/kernel/field-errors";
import { normalizeRow, type TPersonImportRow } from "../src/modules/register/import-row";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices, pgUrlFor } from "./support";

const peopleCount = Number(process.argv[2] ?? 100_000);
const ROUNDS = 3;
const REGISTER_TABLES = ["people", "external_ids", "emails", "phones", "addresses", "person_name_words"];
const dbName = "lh_bench_import_floor";
const csvPath = `/tmp/lh-bench-floor-${peopleCount}.csv`;
const dumpPath = (table: string) => `/tmp/lh-bench-floor-${peopleCount}-${table}.txt`;

const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const perSecond = (ms: number) => Math.round(peopleCount / (ms / 1000));

async function readCsv(): Promise<Array<Record<string, string>>> {
  const rows: Array<Record<string, string>> = [];
  for await (const row of createReadStream(csvPath).pipe(parse({ columns: true }))) rows.push(row);
  return rows;
}

async function importerFloor() {
  const parseMs: number[] = [];
  const bothMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    const rows = await readCsv();
    const parsed = performance.now() - started;
    started = performance.now();
    let valid = 0;
    const now = new Date();
    for (const values of rows) {
      if (normalizeRow(values as TPersonImportRow, new FieldErrors(), [], now)) valid++;
    }
    if (valid !== peopleCount) throw new Error(`only ${valid} of ${peopleCount} rows were valid`);
    parseMs.push(parsed);
    bothMs.push(parsed + performance.now() - started);
  }
  return { parseRowsPerSecond: perSecond(median(parseMs)), parseAndNormaliseRowsPerSecond: perSecond(median(bothMs)) };
}

/** Runs psql on a script of `\copy` commands and gives each one's time, in order. */
function timedCopies(commands: string[]): number[] {
  const output = execFileSync(
    "psql",
    [pgUrlFor(dbName), "-q", "-c", "\\timing on", ...commands.flatMap((c) => ["-c", c])],
    {
      encoding: "utf8",
    },
  );
  const times = [...output.matchAll(/Time: ([\d.]+) ms/g)].map((match) => Number(match[1]));
  if (times.length !== commands.length) throw new Error(`expected ${commands.length} timings:\n${output}`);
  return times;
}

function psql(statement: string): void {
  execFileSync("psql", [pgUrlFor(dbName), "-q", "-c", statement]);
}

async function main() {
  log(`import floors for ${peopleCount} people`);
  await writePeopleCsv(csvPath, peopleCount);
  const results: Record<string, unknown> = { machine: machine(), people: peopleCount, at: new Date().toISOString() };
  results.importer = await importerFloor();
  log(`importer without a database: ${JSON.stringify(results.importer)}`);

  const { services, drop } = await openBenchServices("postgres", dbName);
  try {
    const report = await importCsv(services.systemCtx("bench"), createReadStream(csvPath), {
      entity: "people",
      system: "bench",
    });
    if (report.created !== peopleCount) throw new Error(`imported ${report.created} of ${peopleCount}`);
    for (const table of REGISTER_TABLES) psql(`\\copy (select * from ${table}) to '${dumpPath(table)}'`);
    psql(`create table floor_csv (external_id text, given_names text, surname text, marking text,
      personnummer text, email text, mobile text, street text, postal_code text, city text)`);
    for (const table of REGISTER_TABLES) psql(`create table floor_${table} (like ${table})`);
    const csvMs: number[] = [];
    const tableMs: Record<string, number[]> = Object.fromEntries(REGISTER_TABLES.map((table) => [table, []]));
    const registerMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      psql(`truncate floor_csv, ${REGISTER_TABLES.map((table) => `floor_${table}`).join(", ")}`);
      const [csv, ...tables] = timedCopies([
        `\\copy floor_csv from '${csvPath}' with (format csv, header)`,
        ...REGISTER_TABLES.map((table) => `\\copy floor_${table} from '${dumpPath(table)}'`),
      ]);
      csvMs.push(csv as number);
      REGISTER_TABLES.forEach((table, t) => {
        tableMs[table]?.push(tables[t] as number);
      });
      registerMs.push(tables.reduce((sum, ms) => sum + ms, 0));
    }
    const copyRate = perSecond(median(csvMs));
    const registerRate = perSecond(median(registerMs));
    results.database = {
      csvCopyRowsPerSecond: copyRate,
      csvCopyMs: Math.round(median(csvMs)),
      registerRowsCopyMs: Math.round(median(registerMs)),
      registerRowsPerSecond: registerRate,
      registerToCsvCopyRatio: Number((registerRate / copyRate).toFixed(3)),
      perTableMs: Object.fromEntries(REGISTER_TABLES.map((table) => [table, Math.round(median(tableMs[table] ?? []))])),
    };
    log(`database without indexes: ${JSON.stringify(results.database)}`);
  } finally {
    await drop();
    for (const table of REGISTER_TABLES) rmSync(dumpPath(table), { force: true });
  }
  mkdirSync("bench/results", { recursive: true });
  const path = `bench/results/import-floor-${peopleCount}.json`;
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path}`);
}

await main();
