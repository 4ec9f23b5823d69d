/**
 * Duplicate matcher benchmark: accuracy on a generated register with known duplicates, and speed.
 *
 *   npx tsx bench/dedupe/run.ts [records=100000]
 *
 * For a data set with personnummer and one without: parameters estimated by EM, deduplication
 * with them (and with the default model for comparison), pairwise precision / recall / F1 overall
 * and per error type — of the register as the run leaves it (merged clusters and review questions
 * between the people left) and of the scored pairs alone — wrong joins of the hard non-matches,
 * golden-record quality after survivorship, and the time to match one new record against an
 * in-memory index of the rest.
 * Generation is not timed. Writes bench/results/dedupe-<records>-<date>.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import {
  DEFAULT_MATCH_MODEL,
  dedupe,
  estimateParameters,
  MatchIndex,
  type MatchModel,
  type MatchRecord,
} from "../../src/lib/match";
import type { Dataset } from "./dataset";
import { type Evaluation, evaluate } from "./evaluate";
import { generateDataset } from "./generate";
import { goldenRecordQuality } from "./golden-records";
import { compareParameters } from "./parameter-comparison";

const HEAP_MB = 16_384;
const HELD_OUT = 1_000;

// A million records with their prepared forms and results do not fit V8's default heap, and a
// larger young generation spares most of the full collections of a heap that size (measured: the
// 1M dedupe went from about 53 s to about 40 s on the bench machine).
if (getHeapStatistics().heap_size_limit < HEAP_MB * 0.9 * 1024 * 1024 && !process.env.DEDUPE_BENCH_CHILD) {
  const flags = [`--max-old-space-size=${HEAP_MB}`, "--max-semi-space-size=128"];
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, DEDUPE_BENCH_CHILD: "1" },
  });
  process.exit(child.status ?? 1);
}

const size = Number(process.argv[2] ?? 100_000);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  const results: Record<string, unknown> = {
    records: size,
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    loadAverageAtStart: loadavg(),
    runs: {},
  };
  for (const personnummer of ["present", "absent"] as const) {
    (results.runs as Record<string, unknown>)[personnummer] = await runOne(personnummer);
  }
  results.loadAverageAtEnd = loadavg();
  mkdirSync("bench/results", { recursive: true });
  const path = `bench/results/dedupe-${size}-${new Date().toISOString().slice(0, 10)}.json`;
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path}`);
}

async function runOne(personnummer: "present" | "absent") {
  log(`${size} records, personnummer ${personnummer}: generating`);
  const dataset = generateDataset({ records: size, seed: 20_260_101, personnummer });
  const records = dataset.records.map((generated) => generated.record);
  log("estimating parameters");
  let started = performance.now();
  const estimated = estimateParameters(records, DEFAULT_MATCH_MODEL, { seed: 7 });
  const estimateMs = performance.now() - started;
  log(`deduplicating with the estimated model`);
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  let result = await dedupe(records, estimated);
  const dedupeMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const evaluation = evaluate(dataset, result.pairs, result.clusters);
  const golden = goldenRecordQuality(dataset, result.clusters);
  const pairsFound = result.pairs.length;
  const clusters = result.clusters.length;
  result = { pairs: [], clusters: [] };
  log(`deduplicating with the default model`);
  started = performance.now();
  const withDefault = await dedupe(records, DEFAULT_MATCH_MODEL);
  const defaultMs = performance.now() - started;
  const defaultEvaluation = summary(evaluate(dataset, withDefault.pairs, withDefault.clusters));
  withDefault.pairs.length = 0;
  log("matching single records against an index");
  const single = matchOneAtATime(records, estimated);
  const run = {
    entities: dataset.entities.length,
    estimateParametersMs: Math.round(estimateMs),
    dedupeMs: Math.round(dedupeMs),
    dedupeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    pairsAtReviewOrAbove: pairsFound,
    autoMergeClusters: clusters,
    estimatedModel: {
      ...summary(evaluation),
      recallByTag: evaluation.recallByTag,
      hardNonMatches: evaluation.hardNonMatches,
      goldenRecords: {
        ...golden,
        correctGreetingShare: share(golden.correctGreeting, golden.goldenRecords),
        latestAddressShare: share(golden.latestAddress, golden.goldenRecords),
        bothShare: share(golden.both, golden.goldenRecords),
      },
    },
    defaultModel: { dedupeMs: Math.round(defaultMs), ...defaultEvaluation },
    singleRecordMatch: single,
    prior: { default: DEFAULT_MATCH_MODEL.prior, estimated: estimated.prior },
    parameters: compareParameters(DEFAULT_MATCH_MODEL, estimated),
  };
  print(personnummer, dataset, run, evaluation);
  return run;
}

/** Indexes all but the last records, then times matching each held-out one; p50 and p95. */
function matchOneAtATime(records: MatchRecord[], model: MatchModel) {
  let started = performance.now();
  const index = new MatchIndex(model);
  const cut = records.length - Math.min(HELD_OUT, Math.floor(records.length / 10));
  for (let i = 0; i < cut; i++) index.add(records[i] as MatchRecord);
  const indexMs = performance.now() - started;
  for (let i = cut; i < Math.min(cut + 50, records.length); i++) index.match(records[i] as MatchRecord);
  const times: number[] = [];
  let found = 0;
  for (let i = cut; i < records.length; i++) {
    started = performance.now();
    found += index.match(records[i] as MatchRecord).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000) / 1000;
  return {
    indexed: cut,
    buildIndexMs: Math.round(indexMs),
    queries: times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: at(1),
    pairsFound: found,
  };
}

function summary(evaluation: Evaluation) {
  return {
    register: evaluation.register,
    match: evaluation.match,
    autoMerge: evaluation.autoMerge,
    autoMergeClusters: evaluation.autoMergeClusters,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function print(personnummer: string, dataset: Dataset, run: Record<string, unknown>, evaluation: Evaluation) {
  const f = (value: number) => value.toFixed(4);
  const lines = [
    ``,
    `== ${size} records, ${dataset.entities.length} people, personnummer ${personnummer}`,
    `dedupe ${run.dedupeMs} ms (cpu ${run.dedupeCpuMs} ms), EM ${run.estimateParametersMs} ms`,
    `register (merged or queued): precision ${f(evaluation.register.precision)} recall ${f(evaluation.register.recall)} F1 ${f(evaluation.register.f1)}`,
    `scored pairs (review+auto): precision ${f(evaluation.match.precision)} recall ${f(evaluation.match.recall)} F1 ${f(evaluation.match.f1)}`,
    `auto-merge: precision ${f(evaluation.autoMerge.precision)} recall ${f(evaluation.autoMerge.recall)}; clusters F1 ${f(evaluation.autoMergeClusters.f1)}`,
    `register recall by tag: ${Object.entries(evaluation.recallByTag)
      .filter(([, entry]) => entry.pairs > 0)
      .map(([tag, entry]) => `${tag} ${f(entry.recall)}`)
      .join(", ")}`,
    `hard non-matches in the register (pairs / queued / merged): ${Object.entries(evaluation.hardNonMatches)
      .map(([tag, entry]) => `${tag} ${entry.pairs}/${entry.review}/${entry.autoMerge}`)
      .join(", ")}`,
    `golden records: ${JSON.stringify((run.estimatedModel as { goldenRecords: unknown }).goldenRecords)}`,
    `default model: ${JSON.stringify((run.defaultModel as { register: unknown }).register)}`,
    `single record: ${JSON.stringify(run.singleRecordMatch)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
