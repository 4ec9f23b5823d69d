/**
 * What defining a custom number costs the people being saved meanwhile, at a size where building
 * its index takes a while: a writer saves one person after another (an update of the person
 * row) while an attribute over values three in four people hold is defined, once with the index
 * built inside the definition's transaction (as before) and once as `defineCustomAttribute` builds
 * it now (after the commit, concurrently). Reports the define's duration and the writer's slowest
 * and 99th-percentile save during it; three rounds each, medians.
 *
 *   npx tsx bench/define-attribute.ts postgres [people=1000000] [rounds=3]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { StoreKind } from "../src/db/types";
import { withTransaction } from "../src/kernel/ctx";
import { defineCustomAttribute } from "../src/modules/register";
import { ensureCustomSortIndex } from "../src/modules/register/custom-sort-index";
import { customAttributes } from "../src/modules/register/schema";
import { machine, median, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 1_000_000);
const rounds = Number(process.argv[4] ?? 3);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  const { services, drop } = await openBenchServices(kind, `lh_bench_define_${kind}`);
  try {
    const ctx = services.systemCtx("bench");
    const db = services.store.db;
    log(`inserting ${size} people`);
    for (let start = 0; start < size; start += 100_000) {
      await db.execute(sql`
        insert into people (id, given_names, greeting_name, greeting_uncertain, surname, custom, created_at, updated_at)
        select gen_random_uuid(), 'Förnamn' || (i % 300), 'Förnamn' || (i % 300), false, 'Efternamn' || (i % 5000),
          case when i % 4 = 0 then '{}'::jsonb else jsonb_build_object('matt', (i::bigint * 7919) % 100000) end,
          now(), now()
        from generate_series(${start + 1}::int, ${Math.min(start + 100_000, size)}::int) as i`);
    }
    await db.execute(sql`vacuum analyze people`);
    const ids = (
      (await db.execute(sql`select id from people order by random() limit 2000`)) as unknown as {
        rows: Array<{ id: string }>;
      }
    ).rows.map((row) => row.id);

    /** Saves people one after another until `done`, each save timed. */
    const writer = (done: () => boolean) => {
      const saves: number[] = [];
      const run = (async () => {
        let n = 0;
        while (!done()) {
          const started = performance.now();
          await db.execute(sql`update people set updated_at = now() where id = ${ids[n++ % ids.length]}`);
          saves.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      return { saves, run };
    };

    const HOWS = ["inside the transaction", "after the commit, concurrently"] as const;
    const measure = async (how: (typeof HOWS)[number]) => {
      await db.delete(customAttributes);
      await db.execute(sql`drop index if exists custom_sort_p_matt`);
      let finished = false;
      const { saves, run } = writer(() => finished);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      const input = { entity: "person" as const, key: "matt", label: "Mått", type: "number" as const };
      if (how === "inside the transaction") {
        // As the definition was made before: the index built in the definition's transaction.
        await withTransaction(ctx, async (tx) => {
          await tx.db.insert(customAttributes).values({
            id: crypto.randomUUID(),
            ...input,
            description: null,
            choices: null,
            required: false,
            retiredAt: null,
            createdAt: new Date(),
            updatedAt: new Date(),
          });
          await ensureCustomSortIndex(tx.db, input);
        });
      } else {
        await defineCustomAttribute(ctx, input);
      }
      const defineMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
      finished = true;
      await run;
      return { defineMs, slowestSaveMs: Math.max(...saves), p99SaveMs: percentile(saves, 99), saves: saves.length };
    };

    const results: Record<string, Array<Awaited<ReturnType<typeof measure>>>> = {
      "inside the transaction": [],
      "after the commit, concurrently": [],
    };
    for (let round = 0; round < rounds; round++) {
      for (const how of HOWS) {
        const result = await measure(how);
        results[how]?.push(result);
        log(
          `${how}: define ${result.defineMs.toFixed(0)} ms, slowest save ${result.slowestSaveMs.toFixed(1)} ms, p99 ${result.p99SaveMs.toFixed(1)} ms (${result.saves} saves)`,
        );
      }
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([how, runs]) => [
        how,
        {
          defineMs: Math.round(median(runs.map((run) => run.defineMs))),
          slowestSaveMs: Number(median(runs.map((run) => run.slowestSaveMs)).toFixed(1)),
          p99SaveMs: Number(median(runs.map((run) => run.p99SaveMs)).toFixed(1)),
        },
      ]),
    );
    const output = {
      kind,
      machine: machine(),
      people: size,
      rounds,
      at: new Date().toISOString(),
      summary,
      runs: results,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(`bench/results/define-attribute-${kind}-${size}.json`, `${JSON.stringify(output, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await drop();
  }
}

await main();
