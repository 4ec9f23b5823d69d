/**
 * Evaluations per second of the sales-letter rule (complaint_calls_90d > 3 and page_views_30d < 5
 * and open_sek > 10000) over the same pre-generated facts: the compiled closure, json-rules-engine,
 * json-logic-js, and the condition written by hand as the ceiling. Median of 5 runs each.
 *
 *   npx tsx bench/rules-eval.ts [facts]
 *
 * Each run of each implementation is a process of its own: sharing one would let the JIT's
 * call-site feedback from one implementation slow down those measured after it. The runs go
 * round-robin, so a busy moment on the machine hits every implementation alike.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Engine } from "json-rules-engine";
import { type Condition, compileJs, conditionText, type Facts, type FieldDef, FieldRegistry } from "../src/lib/rules";
import { seededRandom } from "../src/lib/se/seeded-random";
import { machine, median } from "./support";

// json-logic-js ships without type declarations; this is the one call we use.
const jsonLogic = createRequire(import.meta.url)("json-logic-js") as { apply(logic: unknown, data: unknown): unknown };

interface SalesFacts extends Facts {
  traits: { complaint_calls_90d: number; page_views_30d: number };
  orders: { open_sek: number };
}

const FACT_COUNT = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const RUNS = 5;
// Each run lasts at least this long, so timer resolution and one GC pause do not decide it.
const MIN_RUN_MS = 500;
// Every implementation must match the same facts among these; json-rules-engine settles a promise
// per fact, so it also walks only this many facts per pass.
const CHECKED_FACTS = 20_000;

function generateFacts(count: number): SalesFacts[] {
  const random = seededRandom(20261122);
  const now = new Date("2026-10-05T08:00:00Z");
  return Array.from({ length: count }, () => ({
    now,
    traits: { complaint_calls_90d: Math.floor(random() * 8), page_views_30d: Math.floor(random() * 10) },
    orders: { open_sek: Math.round(random() * 2_000_000) / 100 },
  }));
}

// Fields as the modules register them: one reader per trait key, not knowing the group's shape.
function traitField(name: string, label: string): FieldDef {
  return {
    key: `traits.${name}`,
    label,
    type: "number",
    group: "traits",
    js: (facts) => (facts.traits as Record<string, unknown> | undefined)?.[name],
    sql: null,
  };
}

const registry = new FieldRegistry();
registry.register(traitField("complaint_calls_90d", "Complaint calls, 90 days"));
registry.register(traitField("page_views_30d", "Page views, 30 days"));
registry.register({
  key: "orders.open_sek",
  label: "Open orders",
  type: "kronor",
  group: "orders",
  js: (facts) => (facts.orders as Record<string, unknown> | undefined)?.open_sek,
  sql: null,
});

const SALES_LETTER: Condition = {
  all: [
    { field: "traits.complaint_calls_90d", op: "gt", value: 3 },
    { field: "traits.page_views_30d", op: "lt", value: 5 },
    { field: "orders.open_sek", op: "gt", value: 10_000 },
  ],
};

const JSON_LOGIC_RULE = {
  and: [
    { ">": [{ var: "traits.complaint_calls_90d" }, 3] },
    { "<": [{ var: "traits.page_views_30d" }, 5] },
    { ">": [{ var: "orders.open_sek" }, 10_000] },
  ],
};

function salesLetterEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({
    conditions: {
      all: [
        { fact: "traits", path: "$.complaint_calls_90d", operator: "greaterThan", value: 3 },
        { fact: "traits", path: "$.page_views_30d", operator: "lessThan", value: 5 },
        { fact: "orders", path: "$.open_sek", operator: "greaterThan", value: 10_000 },
      ],
    },
    event: { type: "sales-letter" },
  });
  return engine;
}

interface Run {
  matches: number;
  evaluationsPerSecond: number;
}

type Sync = (facts: SalesFacts) => unknown;

/** Counts matches (which also warms the JIT), then loops over the facts for MIN_RUN_MS. */
function runSync(facts: SalesFacts[], check: Sync): Run {
  let matches = 0;
  for (const fact of facts.slice(0, CHECKED_FACTS)) if (check(fact)) matches++;
  let evaluations = 0;
  let sink = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_RUN_MS) {
    for (let index = 0; index < facts.length; index++) if (check(facts[index] as SalesFacts)) sink++;
    evaluations += facts.length;
  }
  const evaluationsPerSecond = evaluations / ((performance.now() - start) / 1000);
  // Using the loop's count keeps the JIT from dropping the calls as dead code.
  return { matches: sink < 0 ? -1 : matches, evaluationsPerSecond };
}

/** json-rules-engine as its API requires: one awaited `run` per fact. */
async function runEngine(facts: SalesFacts[]): Promise<Run> {
  const engine = salesLetterEngine();
  const checked = facts.slice(0, CHECKED_FACTS);
  const fired = async (fact: SalesFacts) =>
    (await engine.run({ traits: fact.traits, orders: fact.orders })).events.length > 0;
  let matches = 0;
  for (const fact of checked) if (await fired(fact)) matches++;
  let evaluations = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_RUN_MS) {
    for (const fact of checked) await fired(fact);
    evaluations += checked.length;
  }
  return { matches, evaluationsPerSecond: evaluations / ((performance.now() - start) / 1000) };
}

const IMPLEMENTATIONS: Record<string, (facts: SalesFacts[]) => Run | Promise<Run>> = {
  "compiled closure (compileJs)": (facts) => runSync(facts, compileJs(SALES_LETTER, registry)),
  "json-rules-engine (await engine.run per fact)": runEngine,
  "json-logic-js (jsonLogic.apply)": (facts) => runSync(facts, (f) => jsonLogic.apply(JSON_LOGIC_RULE, f)),
  "hand-written JS": (facts) =>
    runSync(facts, (f) => f.traits.complaint_calls_90d > 3 && f.traits.page_views_30d < 5 && f.orders.open_sek > 10000),
};

function runInChild(name: string): Run {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [...process.execArgv, script, String(FACT_COUNT), `--only=${name}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "") as Run;
}

async function main(): Promise<void> {
  if (ONLY) {
    const run = IMPLEMENTATIONS[ONLY];
    if (!run) throw new Error(`Unknown implementation "${ONLY}"`);
    console.log(JSON.stringify(await run(generateFacts(FACT_COUNT))));
    return;
  }
  console.log(`rules-eval: ${conditionText(SALES_LETTER, registry)} over ${FACT_COUNT} facts, ${machine()}`);
  const names = Object.keys(IMPLEMENTATIONS);
  const runs = new Map<string, Run[]>(names.map((name) => [name, []]));
  for (let round = 0; round < RUNS; round++) for (const name of names) runs.get(name)?.push(runInChild(name));

  const results = names.map((name) => {
    const own = runs.get(name) ?? [];
    const matches = new Set(own.map((run) => run.matches));
    return { name, runs: own.map((run) => run.evaluationsPerSecond), matches: [...matches] };
  });
  const reference = results.at(-1)?.matches;
  const disagreeing = results.filter(
    (result) => String(result.matches) !== String(reference) || result.matches.length !== 1,
  );
  if (disagreeing.length > 0)
    throw new Error(`Different matches from ${disagreeing.map((result) => result.name).join(", ")}`);

  const medians = results.map((result) => median(result.runs));
  const [ours = 0, , logic = 0, hand = 0] = medians;
  const rows = results.map((result, index) => ({
    name: result.name,
    evaluationsPerSecondRuns: result.runs.map(Math.round),
    evaluationsPerSecondMedian: Math.round(medians[index] ?? 0),
    timesJsonLogic: round((medians[index] ?? 0) / logic),
    timesHandWritten: round((medians[index] ?? 0) / hand),
  }));
  console.table(
    rows.map((row) => ({
      implementation: row.name,
      "evals/s (median)": row.evaluationsPerSecondMedian.toLocaleString("en-US"),
      "× json-logic-js": row.timesJsonLogic,
      "× hand-written": row.timesHandWritten,
    })),
  );
  const goals = { atLeast10xJsonLogic: ours >= 10 * logic, within5xOfHandWritten: hand <= 5 * ours };
  console.log(`compiled vs json-logic-js: ${round(ours / logic)}× (goal ≥ 10×)`);
  console.log(`hand-written vs compiled: ${round(hand / ours)}× (goal ≤ 5×)`);

  const at = new Date();
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/rules-eval-${at.toISOString().slice(0, 10)}.json`;
  const report = {
    benchmark: "rules-eval",
    machine: machine(),
    loadAverage: os.loadavg().map((load) => round(load)),
    at: at.toISOString(),
    rule: conditionText(SALES_LETTER, registry),
    facts: FACT_COUNT,
    matchesInFirst: { facts: CHECKED_FACTS, matches: reference?.[0] },
    runs: RUNS,
    minRunMs: MIN_RUN_MS,
    isolation: "one process per run, implementations round-robin",
    results: rows,
    compiledTimesJsonLogic: round(ours / logic),
    handWrittenTimesCompiled: round(hand / ours),
    goals,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${file}`);
}

/** Three significant digits: the slowest run at a ten-thousandth of the fastest still shows. */
function round(ratio: number): number {
  return Number(ratio.toPrecision(3));
}

await main();
