/**
 * Re-measures two-word name search on the database a `BENCH_KEEP=1 npx tsx bench/register.ts postgres …`
 * run left behind: 60 sampled "given name surname" queries, three times.
 */
import { sql } from "drizzle-orm";
import pino from "pino";
import { openServices } from "../src/app/services";
import { openStore } from "../src/db/client";
import { queryRows } from "../src/db/rows";
import { loadConfig } from "../src/kernel/config";
import { listPeople } from "../src/modules/register";
import { percentile } from "./support";

const store = await openStore({ databaseUrl: "postgres://root@127.0.0.1:5432/lh_bench_register_postgres" });
const services = await openServices(loadConfig({ LOG_LEVEL: "warn", JOBS: "false" }), {
  store,
  log: pino({ level: "warn" }),
  background: false,
});
const ctx = services.systemCtx("probe");
await store.db.execute(sql.raw("vacuum analyze person_name_words"));
const sample = await queryRows<{ surname: string; given_names: string }>(
  store.db,
  sql.raw("select surname, given_names from people tablesample system (1) limit 60"),
);
const qs = sample.map((r) => `${r.given_names.split(" ")[0]} ${r.surname}`);
for (const q of qs.slice(0, 10)) await listPeople(ctx, { q, limit: 50 });
const t: number[] = [];
for (let i = 0; i < 3; i++)
  for (const q of qs) {
    const s = performance.now();
    await listPeople(ctx, { q, limit: 50 });
    t.push(performance.now() - s);
  }
console.log("two words p50", percentile(t, 50).toFixed(1), "p95", percentile(t, 95).toFixed(1));
await services.close();
