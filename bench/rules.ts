/**
 * Rules benchmarks on the same facts: the sales-letter rule over N people in SQL, and
 * event-to-decision latency with 1 000 active rules.
 *
 *   npx tsx bench/rules.ts postgres|pglite [people=1000000]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { StoreKind } from "../src/db/types";
import { saveRule, type TRuleEvent } from "../src/modules/rules";
import { defineComputedTrait } from "../src/modules/tracking";
import { machine, median, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const peopleCount = Number(process.argv[3] ?? 1_000_000);
const RULES = 1_000;
const DECISIONS = 2_000;
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const SALES_LETTER = {
  all: [
    { field: "trait.complaint_calls_90d", op: "gt", value: 3 },
    { field: "trait.page_views_30d", op: "lt", value: 5 },
    { field: "orders.open_sek", op: "gt", value: 10_000 },
  ],
};

async function main() {
  log(`rules benchmark on ${kind}: ${peopleCount} people`);
  const { services, store, drop } = await openBenchServices(kind, `lh_bench_rules_${kind}`);
  const ctx = services.systemCtx("bench");
  try {
    const complaints = await defineComputedTrait(ctx, {
      key: "complaint_calls_90d",
      label: "Complaint calls",
      eventType: "track",
      eventName: "Support Call",
      filters: [{ property: "reason", op: "eq", value: "complaint" }],
      aggregate: "count",
      windowDays: 90,
    });
    const visits = await defineComputedTrait(ctx, {
      key: "page_views_30d",
      label: "Page views",
      eventType: "page",
      aggregate: "count",
      windowDays: 30,
    });
    // The facts, written straight in SQL: people, their trait buckets and their orders.
    log("loading people");
    const chunk = 200_000;
    for (let offset = 0; offset < peopleCount; offset += chunk) {
      const count = Math.min(chunk, peopleCount - offset);
      await store.db.execute(
        sql.raw(`insert into people (id, given_names, greeting_name, greeting_uncertain, surname, lifecycle_stage, created_at, updated_at)
          select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Anna', 'Anna', false, 'Andersson',
                 'customer', now(), now()
          from generate_series(${offset + 1}, ${offset + count}) g`),
      );
    }
    log("loading trait buckets and orders");
    const today = new Date().toISOString().slice(0, 10);
    await store.db.execute(
      sql.raw(`insert into computed_trait_buckets (trait_id, subject, day, count, sum, min, max)
        select '${complaints.id}'::uuid, ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0')), '${today}'::date - (g % 80), 1 + g % 6, 0, 0, 0
        from generate_series(1, ${peopleCount}) g where g % 3 = 0`),
    );
    await store.db.execute(
      sql.raw(`insert into computed_trait_buckets (trait_id, subject, day, count, sum, min, max)
        select '${visits.id}'::uuid, ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0')), '${today}'::date - (g % 25), g % 9, 0, 0, 0
        from generate_series(1, ${peopleCount}) g where g % 2 = 0`),
    );
    await store.db.execute(
      sql.raw(`insert into orders (id, person_id, number, status, total_sek, ordered_at, source_system, created_at, updated_at)
        select gen_random_uuid(), ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, null,
               case when g % 4 = 0 then 'paid' else 'open' end, 2000 + (g % 13) * 1000, now(), 'bench', now(), now()
        from generate_series(1, ${peopleCount}) g where g % 5 < 2`),
    );
    await store.db.execute(sql`analyze`);

    // The same rule over the whole base, in SQL.
    const sqlRuns: number[] = [];
    let matched = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const result = await services.rules.matchingPeople(ctx, SALES_LETTER as never, { limit: 20 });
      sqlRuns.push(performance.now() - started);
      matched = result.count;
      log(`sql run ${run + 1}: ${sqlRuns.at(-1)?.toFixed(0)} ms, ${matched} match`);
    }

    if (process.env.EXPLAIN) {
      const { joins, where } = await services.rules.baseQuery(ctx, SALES_LETTER as never);
      const plan = (await store.db.execute(
        sql`explain analyze select count(*) from people p ${joins} where ${where}`,
      )) as unknown as { rows: Array<Record<string, string>> };
      for (const row of plan.rows) log(Object.values(row)[0] ?? "");
    }
    // 1 000 active rules: ten listen for support calls, the rest for 99 other events.
    log("creating rules");
    for (let index = 0; index < RULES; index++) {
      const listens = index < 10 ? "Support Call" : `Other Event ${index % 99}`;
      await saveRule(ctx, services.rules, {
        name: `Rule ${index}`,
        trigger: { type: "event", eventType: "track", eventName: listens },
        condition: {
          all: [
            { field: "trait.complaint_calls_90d", op: "gt", value: 3 + (index % 3) },
            { field: "trait.page_views_30d", op: "lt", value: 5 },
            { field: "orders.open_sek", op: "gt", value: 10_000 + index },
          ],
        },
        actions: [{ type: "add_to_list", config: { list: `List ${index % 10}` } }],
        oncePerDays: 30,
      });
    }
    services.rules.invalidate();
    const latencies: number[] = [];
    const decided: number[] = [];
    let fired = 0;
    for (let index = 0; index < DECISIONS; index++) {
      const person = 1 + Math.floor(Math.random() * peopleCount);
      const event: TRuleEvent = {
        id: `bench-${index}`,
        type: "track",
        name: "Support Call",
        personId: `00000000-0000-7000-8000-${person.toString(16).padStart(12, "0")}`,
        occurredAt: new Date(),
        properties: { reason: "complaint" },
        context: {},
        enrichment: {},
      };
      const started = performance.now();
      const decisions = await services.rules.handleEvents(ctx, [event]);
      latencies.push(performance.now() - started);
      decided.push(Math.max(0, ...decisions.map((decision) => decision.decidedAfterMs ?? 0)));
      fired += decisions.filter((decision) => decision.fired).length;
    }
    const result = {
      benchmark: "rules",
      store: kind,
      machine: machine(),
      at: new Date().toISOString(),
      people: peopleCount,
      salesLetterOverBase: { medianMs: median(sqlRuns), runsMs: sqlRuns.map(Math.round), matched },
      eventToDecision: {
        activeRules: RULES,
        rulesListeningForTheEvent: 10,
        decisions: DECISIONS,
        fired,
        /** From the event to every listening rule's decision: facts loaded, conditions evaluated. */
        decisionP50Ms: percentile(decided, 50),
        decisionP99Ms: percentile(decided, 99),
        /** The same, including the actions of the rules that fired (a list insert and the firing log). */
        withActionsP50Ms: percentile(latencies, 50),
        withActionsP99Ms: percentile(latencies, 99),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(`bench/results/rules-${kind}-${result.at.slice(0, 10)}.json`, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (!process.env.BENCH_KEEP) await drop();
  }
}

await main();
