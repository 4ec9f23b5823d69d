/**
 * The people list ordered by a custom number and a custom day, at a size where sorting every
 * person shows: the first and tenth page of 50, without the attributes' indexes and with them, in
 * the same run on the same people. Three in four people have a value. Also by last contact (two in
 * three contacted within the year), whose index is the schema's own and so in place both times.
 *
 *   npx tsx bench/custom-sort.ts postgres|pglite [people=1000000]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { StoreKind } from "../src/db/types";
import { defineCustomAttribute, ensureCustomSortIndexes, listPeople } from "../src/modules/register";
import { machine, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 1_000_000);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const ORDERS = ["custom.poang", "-custom.poang", "-custom.senast", "lastContactAt", "-lastContactAt"] as const;

async function main() {
  const { services, drop } = await openBenchServices(kind, `lh_bench_customsort_${kind}`);
  const results: Record<string, Record<string, { firstPageMs: number; tenthPageMs: number }>> = {};
  try {
    const ctx = services.systemCtx("bench");
    const db = services.store.db;
    await defineCustomAttribute(ctx, { entity: "person", key: "poang", label: "Poäng", type: "number" });
    await defineCustomAttribute(ctx, { entity: "person", key: "senast", label: "Senaste köp", type: "date" });
    log(`inserting ${size} people`);
    for (let start = 0; start < size; start += 100_000) {
      await db.execute(sql`
        insert into people (id, given_names, greeting_name, greeting_uncertain, surname, custom, created_at, updated_at,
          last_contact_at)
        select gen_random_uuid(), 'Förnamn' || (i % 300), 'Förnamn' || (i % 300), false, 'Efternamn' || (i % 5000),
          case when i % 4 = 0 then '{}'::jsonb
            else jsonb_build_object('poang', (i::bigint * 7919) % 100000,
              'senast', to_char(date '2020-01-01' + (i % 2000), 'YYYY-MM-DD')) end,
          now(), now(),
          case when i % 3 = 0 then null else now() - make_interval(mins => ((i::bigint * 7927) % 525600)::int) end
        from generate_series(${start + 1}::int, ${Math.min(start + 100_000, size)}::int) as i`);
    }
    await db.execute(sql`vacuum analyze people`);
    const firstPages: Record<string, string> = {};
    for (const phase of ["sorting every person", "reading the attribute's index"] as const) {
      if (phase === "sorting every person") {
        await db.execute(sql`drop index custom_sort_p_poang`);
        await db.execute(sql`drop index custom_sort_p_senast`);
      } else {
        const started = performance.now();
        await ensureCustomSortIndexes(db);
        log(`indexes built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        await db.execute(sql`analyze people`);
      }
      results[phase] = {};
      for (const sort of ORDERS) {
        const first: number[] = [];
        const tenth: number[] = [];
        for (let round = 0; round < 7; round++) {
          let cursor: string | undefined;
          for (let page = 1; page <= 10; page++) {
            const t0 = performance.now();
            const result = await listPeople(ctx, { sort, limit: 50, ...(cursor ? { cursor } : {}) });
            const ms = performance.now() - t0;
            if (page === 1) {
              first.push(ms);
              const ids = result.items.map((item) => item.id).join();
              // Both ways must show the same people in the same order.
              if (firstPages[sort] !== undefined && firstPages[sort] !== ids) throw new Error(`${sort}: pages differ`);
              firstPages[sort] = ids;
            }
            if (page === 10) tenth.push(ms);
            cursor = result.nextCursor ?? undefined;
          }
        }
        const figures = {
          firstPageMs: Number(percentile(first.slice(1), 95).toFixed(2)),
          tenthPageMs: Number(percentile(tenth.slice(1), 95).toFixed(2)),
        };
        results[phase][sort] = figures;
        log(`${phase}, ${sort}: first page p95 ${figures.firstPageMs} ms, tenth ${figures.tenthPageMs} ms`);
      }
    }
  } finally {
    await drop();
  }
  const summary = { machine: machine(), kind, people: size, rounds: 6, p95: results };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/custom-sort-${kind}-${size}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
