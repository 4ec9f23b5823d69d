/**
 * The other imports beside people: organisations, orders and activities from CSV, rows per
 * second, each file against `\copy` of the same file into a table of text columns in the same
 * run (PostgreSQL; on PGlite, COPY from a blob).
 *
 *   npx tsx bench/import-kinds.ts postgres|pglite [rows=10000] [runs=3]
 *
 * The people the orders and activities name are imported first (not timed); every import runs
 * against a register that already holds the rows of the runs before (orders and activities then
 * are new ones, with their own ids). The organisations file is imported a second time, every
 * company unchanged, as a daily file from an ERP would be (`organizationsAgain`), and a third time
 * as another system's file, each company found by organisationsnummer and its id linked
 * (`organizationsLinked`), and a fourth time with every company changed: another head count and
 * web address, a new e-mail, and a move to another street (`organizationsChanged`).
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { luhnCheckDigit } from "../src/lib/se/luhn";
import { copyCsv } from "./copy-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 10_000);
const runs = Number(process.argv[4] ?? 3);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

type TKind = "organizations" | "orders" | "activities";

/** A valid organisationsnummer of a limited company (group digit 5), from a running number. */
function organisationsnummer(index: number): string {
  const nine = `556${String(index).padStart(6, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine, 9)}`;
}

/** The organisations file of a round with every company changed: values, a new e-mail, a move. */
function writeChangedOrganizations(round: number): string {
  const file = join(tmpdir(), `lh-kinds-organizations-changed-${size}-${round}.csv`);
  const lines = ["externalId,organisationsnummer,name,street,postalCode,city,employees,website,email"];
  for (let index = 0; index < size; index++) {
    const number = round * size + index;
    lines.push(
      `K${number},${organisationsnummer(number)},Företag ${number} AB,Hamngatan ${1 + (index % 70)},${String(41_100 + (index % 800)).replace(/(\d{3})(\d{2})/, "$1 $2")},Göteborg,${2 + (index % 400)},https://www.foretag${number}.example,info@foretag${number}.example`,
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

function writeFile(entity: TKind, round: number, customers: readonly string[]): string {
  const file = join(tmpdir(), `lh-kinds-${entity}-${size}-${round}.csv`);
  const lines: string[] = [];
  if (entity === "organizations") {
    lines.push("externalId,organisationsnummer,name,street,postalCode,city,employees,website");
    for (let index = 0; index < size; index++) {
      const number = round * size + index;
      lines.push(
        `K${number},${organisationsnummer(number)},Företag ${number} AB,Industrivägen ${1 + (index % 90)},${String(11_100 + (index % 800)).replace(/(\d{3})(\d{2})/, "$1 $2")},Stockholm,${1 + (index % 400)},https://foretag${number}.example`,
      );
    }
  } else if (entity === "orders") {
    lines.push("personExternalId,externalId,number,status,totalSek,orderedAt");
    for (let index = 0; index < size; index++) {
      const day = String(1 + (index % 28)).padStart(2, "0");
      lines.push(
        `${customers[index % customers.length]},O${round}-${index},${100_000 + round * size + index},paid,${(index % 5000) + 99}.50,2026-03-${day}T10:15:00+01:00`,
      );
    }
  } else {
    lines.push("personExternalId,externalId,kind,subject,occurredAt");
    for (let index = 0; index < size; index++) {
      const day = String(1 + (index % 28)).padStart(2, "0");
      lines.push(
        `${customers[index % customers.length]},A${round}-${index},call,Ringde om leveransen,2026-02-${day}T09:30:00+01:00`,
      );
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

async function main() {
  const peopleFile = join(tmpdir(), `lh-kinds-people-${size}.csv`);
  await writePeopleCsv(peopleFile, size, 23);
  const dbName = `lh_bench_kinds_${kind}`;
  const { services, store, drop } = await openBenchServices(kind, dbName);
  const rounds: Array<
    Record<TKind, { rowsPerSecond: number; copyRowsPerSecond: number; failed: number }> & {
      organizationsAgain: { rowsPerSecond: number };
      organizationsLinked: { rowsPerSecond: number };
      organizationsChanged: { rowsPerSecond: number };
    }
  > = [];
  try {
    const ctx = services.systemCtx("bench");
    await importCsv(ctx, createReadStream(peopleFile), { entity: "people", system: "bench" });
    const customers = (
      await queryRows<{ external_id: string }>(
        services.store.db,
        sql`select external_id from external_ids where entity = 'person' and system = 'bench' order by external_id`,
      )
    ).map((row) => row.external_id);
    await services.store.db.execute(sql`delete from outbox_events`);
    for (let round = 0; round < runs; round++) {
      const result = {} as (typeof rounds)[number];
      for (const entity of ["organizations", "orders", "activities"] as const) {
        const file = writeFile(entity, round, customers);
        const copyMs = await copyCsv(store, dbName, file);
        const started = performance.now();
        const report = await importCsv(ctx, createReadStream(file), { entity, system: "bench" });
        const ms = performance.now() - started;
        if (report.created !== size) throw new Error(`${entity}: ${JSON.stringify(report.errors.slice(0, 3))}`);
        result[entity] = {
          rowsPerSecond: Math.round(size / (ms / 1000)),
          copyRowsPerSecond: Math.round(size / (copyMs / 1000)),
          failed: report.failed,
        };
        await services.store.db.execute(sql`delete from outbox_events`);
        if (entity === "organizations") {
          // The same file again, as a daily file from the ERP comes: every company unchanged.
          const again = performance.now();
          const repeated = await importCsv(ctx, createReadStream(file), { entity, system: "bench" });
          if (repeated.unchanged !== size)
            throw new Error(`organizations again: ${JSON.stringify(repeated).slice(0, 300)}`);
          result.organizationsAgain = { rowsPerSecond: Math.round(size / ((performance.now() - again) / 1000)) };
          // A second system's file of the same companies: each found by organisationsnummer, its id linked.
          const linking = performance.now();
          const linked = await importCsv(ctx, createReadStream(file), { entity, system: `second${round}` });
          if (linked.updated !== size) throw new Error(`organizations linked: ${JSON.stringify(linked).slice(0, 300)}`);
          result.organizationsLinked = { rowsPerSecond: Math.round(size / ((performance.now() - linking) / 1000)) };
          const changedFile = writeChangedOrganizations(round);
          const changing = performance.now();
          const changed = await importCsv(ctx, createReadStream(changedFile), { entity, system: "bench" });
          if (changed.updated !== size)
            throw new Error(`organizations changed: ${JSON.stringify(changed).slice(0, 300)}`);
          result.organizationsChanged = { rowsPerSecond: Math.round(size / ((performance.now() - changing) / 1000)) };
          await services.store.db.execute(sql`delete from outbox_events`);
        }
      }
      log(JSON.stringify(result));
      rounds.push(result);
    }
  } finally {
    await drop();
  }
  const summary = {
    machine: machine(),
    kind,
    rows: size,
    runs,
    ...Object.fromEntries(
      (["organizations", "orders", "activities"] as const).map((entity) => {
        const rowsPerSecond = median(rounds.map((round) => round[entity].rowsPerSecond));
        const copyRowsPerSecond = median(rounds.map((round) => round[entity].copyRowsPerSecond));
        return [entity, { rowsPerSecond, copyRowsPerSecond, ratio: rowsPerSecond / copyRowsPerSecond }];
      }),
    ),
    organizationsAgain: { rowsPerSecond: median(rounds.map((round) => round.organizationsAgain.rowsPerSecond)) },
    organizationsLinked: { rowsPerSecond: median(rounds.map((round) => round.organizationsLinked.rowsPerSecond)) },
    organizationsChanged: { rowsPerSecond: median(rounds.map((round) => round.organizationsChanged.rowsPerSecond)) },
    rounds,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/import-kinds-${kind}-${size}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
