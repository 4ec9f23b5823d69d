/**
 * Register benchmarks (issue: customer register): CSV import rows/s against COPY of the same
 * file, search p95 and 360° view p95 at N people and M timeline entries, on one store.
 *
 *   npx tsx bench/register.ts postgres [people=1000000] [entries=20000000]
 *   npx tsx bench/register.ts pglite   [people] [entries]
 */
import { createReadStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { person360 } from "../src/flows/person-360";
import { defineCustomAttribute, listPeople } from "../src/modules/register";
import { copyCsv } from "./copy-csv";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const peopleCount = Number(process.argv[3] ?? 1_000_000);
const entryCount = Number(process.argv[4] ?? 20_000_000);
const HEAVY_ENTRIES = 10_000;
// BENCH_DB_NAME lets two checkouts run the benchmark on one server without dropping each other's database.
const dbName = process.env.BENCH_DB_NAME ?? `lh_bench_register_${kind}`;
const csvPath = `/tmp/lh-bench-people-${peopleCount}.csv`;

const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  log(`register benchmark on ${kind}: ${peopleCount} people, ${entryCount} timeline entries`);
  try {
    statSync(csvPath);
  } catch {
    log("writing CSV");
    await writePeopleCsv(csvPath, peopleCount);
  }
  const { services, store, drop } = await openBenchServices(kind, dbName);
  const ctx = services.systemCtx("bench");
  const results: Record<string, unknown> = {
    kind,
    machine: machine(),
    people: peopleCount,
    entries: entryCount,
    at: new Date().toISOString(),
  };
  try {
    // 1. The same file through COPY: the ceiling for getting rows into the database.
    const copyMs = await copyCsv(store, dbName, csvPath);
    const copyRate = peopleCount / (copyMs / 1000);
    log(`COPY: ${Math.round(copyRate)} rows/s`);

    // 2. Lanthandel's import: validation, normalisation, lineage, search text, audit, in batches.
    const started = performance.now();
    let lastLog = 0;
    const report = await importCsv(
      ctx,
      createReadStream(csvPath),
      { entity: "people", system: "bench" },
      (progress) => {
        if (progress.rowsRead - lastLog >= 100_000) {
          lastLog = progress.rowsRead;
          log(`imported ${progress.rowsRead}`);
        }
      },
    );
    const importMs = performance.now() - started;
    const importRate = report.rowsRead / (importMs / 1000);
    log(`import: ${Math.round(importRate)} rows/s (${report.created} created, ${report.failed} failed)`);
    Object.assign(results, {
      copyRowsPerSecond: Math.round(copyRate),
      importRowsPerSecond: Math.round(importRate),
      importToCopyRatio: Number((importRate / copyRate).toFixed(3)),
      importFailed: report.failed,
    });

    // 3. Timeline entries, generated in the database: one person with 10 000, the rest spread.
    await store.db.execute(
      sql.raw("create table bench_people as select id, row_number() over (order by id) as rn from people"),
    );
    await store.db.execute(sql.raw("create index on bench_people (rn)"));
    const [heavy] = await queryRows<{ id: string }>(store.db, sql.raw("select id from bench_people where rn = 1"));
    if (!heavy) throw new Error("no people imported");
    const insertEntries = async (count: number, personExpr: string, offset: number) => {
      await store.db.execute(
        sql.raw(`insert into activities (id, person_id, kind, subject, occurred_at, source_system, data, created_at, updated_at)
        select gen_random_uuid(), ${personExpr}, (array['call','meeting','email','note'])[1 + g % 4]::text,
          'Samtal ' || g, now() - ((g::bigint * 37) % 525600) * interval '1 minute', 'bench', '{}'::jsonb, now(), now()
        from generate_series(${offset + 1}, ${offset + count}) g ${personExpr === "bp.id" ? `join bench_people bp on bp.rn = 2 + (g::bigint * 7919) % ${Math.max(1, peopleCount - 1)}` : ""}`),
      );
    };
    await insertEntries(HEAVY_ENTRIES, `'${heavy.id}'::uuid`, 0);
    const chunk = 1_000_000;
    for (let done = HEAVY_ENTRIES; done < entryCount; done += chunk) {
      await insertEntries(Math.min(chunk, entryCount - done), "bp.id", done);
      log(`timeline entries: ${Math.min(done + chunk, entryCount)}`);
    }
    // Autovacuum would do this in a running system; it lets counts use index-only scans.
    await store.db.execute(sql.raw("vacuum analyze"));

    // 4. Search: prefix, misspelt, two words, e-mail, phone, personnummer.
    const sample = await queryRows<{
      surname: string;
      given_names: string;
      personnummer: string | null;
      email: string;
      e164: string;
    }>(
      store.db,
      sql.raw(`select p.surname, p.given_names, p.personnummer, e.address as email, ph.e164
        from bench_people bp join people p on p.id = bp.id
        join emails e on e.person_id = p.id join phones ph on ph.person_id = p.id
        where bp.rn in (${Array.from({ length: 60 }, (_, i) => 1 + ((i * 104_729) % peopleCount)).join(",")})`),
    );
    const misspell = (word: string) =>
      word.length > 4 ? word.slice(0, 2) + word[3] + word[2] + word.slice(4) : `${word}x`;
    const queries = sample.flatMap((row) => [
      ["prefix", row.surname.slice(0, 4)],
      ["misspelt", misspell(row.surname)],
      ["two words", `${row.given_names.split(" ")[0]} ${row.surname}`],
      ["e-mail", row.email],
      ["phone", `0${row.e164.slice(3)}`],
      ["personnummer", row.personnummer ?? row.surname],
    ]);
    for (const [, q] of queries.slice(0, 20)) await listPeople(ctx, { q, limit: 50 });
    const searchTimes: number[] = [];
    const byType = new Map<string, number[]>();
    for (let round = 0; round < 3; round++) {
      for (const [type, q] of queries) {
        const t0 = performance.now();
        await listPeople(ctx, { q, limit: 50 });
        const ms = performance.now() - t0;
        searchTimes.push(ms);
        byType.set(type ?? "", [...(byType.get(type ?? "") ?? []), ms]);
      }
    }
    log(`search p50 ${median(searchTimes).toFixed(1)} ms, p95 ${percentile(searchTimes, 95).toFixed(1)} ms`);
    results.searchP95ByTypeMs = Object.fromEntries(
      [...byType].map(([type, times]) => [type, Number(percentile(times, 95).toFixed(2))]),
    );
    log(`search p95 by type ${JSON.stringify(results.searchP95ByTypeMs)}`);

    // 5. The 360° view of the person with 10 000 entries.
    for (let i = 0; i < 10; i++) await person360(ctx, services.timeline, heavy.id, { limit: 50 });
    const viewTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await person360(ctx, services.timeline, heavy.id, { limit: 50 });
      viewTimes.push(performance.now() - t0);
    }
    log(`360 view p50 ${median(viewTimes).toFixed(1)} ms, p95 ${percentile(viewTimes, 95).toFixed(1)} ms`);
    Object.assign(results, {
      searchQueries: searchTimes.length,
      searchP50Ms: Number(median(searchTimes).toFixed(2)),
      searchP95Ms: Number(percentile(searchTimes, 95).toFixed(2)),
      view360P50Ms: Number(median(viewTimes).toFixed(2)),
      view360P95Ms: Number(percentile(viewTimes, 95).toFixed(2)),
    });

    // 6. The list in a chosen order: newest first, by age, by a custom choice. Every person gets a
    // tier (one in four none), as a register where the attribute is in use.
    await defineCustomAttribute(ctx, {
      entity: "person",
      key: "niva",
      label: "Nivå",
      type: "choice",
      choices: ["Brons", "Silver", "Guld"],
    });
    await store.db.execute(
      sql.raw(`update people p set custom = case when bp.rn % 4 = 0 then '{}'::jsonb
        else jsonb_build_object('niva', (array['Brons','Silver','Guld'])[1 + bp.rn % 3]) end
        from bench_people bp where bp.id = p.id`),
    );
    // And a choice only ten people have: its value is read through the jsonb index, not the names.
    await defineCustomAttribute(ctx, {
      entity: "person",
      key: "sallsynt",
      label: "Sällsynt",
      type: "choice",
      choices: ["X", "Y"],
    });
    await store.db.execute(
      sql.raw(`update people set custom = custom || '{"sallsynt":"X"}'
        where id in (select id from bench_people where rn % 100000 = 7)`),
    );
    await store.db.execute(sql.raw("vacuum analyze people"));
    const orders: Array<[string, { sort: string; filters?: Array<{ field: string; op: "eq"; value: string }> }]> = [
      ["newest first", { sort: "-createdAt" }],
      ["by age", { sort: "birthDate" }],
      ["youngest first", { sort: "-birthDate" }],
      ["by tier", { sort: "-custom.niva" }],
      ["by a rare choice", { sort: "custom.sallsynt" }],
      ["gold, newest first", { sort: "-createdAt", filters: [{ field: "custom.niva", op: "eq", value: "Guld" }] }],
    ];
    const orderP95: Record<string, { firstPageMs: number; tenthPageMs: number }> = {};
    for (const [label, input] of orders) {
      const first: number[] = [];
      const tenth: number[] = [];
      for (let round = 0; round < 7; round++) {
        let cursor: string | undefined;
        for (let page = 1; page <= 10; page++) {
          const t0 = performance.now();
          const result = await listPeople(ctx, { ...input, limit: 50, ...(cursor ? { cursor } : {}) });
          const ms = performance.now() - t0;
          if (page === 1) first.push(ms);
          if (page === 10) tenth.push(ms);
          cursor = result.nextCursor ?? undefined;
        }
      }
      // The first round warms the caches.
      orderP95[label] = {
        firstPageMs: Number(percentile(first.slice(1), 95).toFixed(2)),
        tenthPageMs: Number(percentile(tenth.slice(1), 95).toFixed(2)),
      };
      log(`list ${label}: first page p95 ${orderP95[label].firstPageMs} ms, tenth ${orderP95[label].tenthPageMs} ms`);
    }
    results.listOrderP95Ms = orderP95;

    // 8. The list in name order, filtered: a common tier, a choice ten people have, nobody's tier.
    const filtered: Array<[string, Array<{ field: string; op: "eq" | "empty"; value?: string }>]> = [
      ["gold tier", [{ field: "custom.niva", op: "eq", value: "Guld" }]],
      ["a rare choice", [{ field: "custom.sallsynt", op: "eq", value: "X" }]],
      ["no tier", [{ field: "custom.niva", op: "empty" }]],
    ];
    const filterP95: Record<string, number> = {};
    for (const [label, filters] of filtered) {
      const times: number[] = [];
      for (let round = 0; round < 7; round++) {
        const t0 = performance.now();
        await listPeople(ctx, { filters, limit: 50 });
        times.push(performance.now() - t0);
      }
      filterP95[label] = Number(percentile(times.slice(1), 95).toFixed(2));
      log(`list filtered by ${label}: p95 ${filterP95[label]} ms`);
    }
    results.listFilterP95Ms = filterP95;
  } finally {
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(`bench/results/register-${kind}.json`, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    if (!process.env.BENCH_KEEP) await drop();
  }
}

await main();
