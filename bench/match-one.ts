/**
 * Matching one record against the register in the database, as the product does it when a
 * person arrives: candidates through the blocking indexes (`findMatchCandidates`), name
 * frequencies, then every candidate scored. The register holds the synthetic data set of
 * `bench/dedupe` (duplicates included).
 *
 *   npx tsx bench/match-one.ts postgres|pglite [records=1000000]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { insertJsonRows } from "../src/db/bulk";
import type { StoreKind } from "../src/db/types";
import { DEFAULT_MATCH_MODEL, scorePair, termFrequenciesFromCounts } from "../src/lib/match";
import { findMatchCandidates, nameCounts } from "../src/modules/register";
import { generateDataset } from "./dedupe/generate";
import { machine, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const size = Number(process.argv[3] ?? 1_000_000);
const QUERIES = 1_000;
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const uuidOf = (index: number) => `00000000-0000-7000-9000-${index.toString(16).padStart(12, "0")}`;
const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9@._+\- ]+/g, " ");

const isDay = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

async function main() {
  log(`generating ${size} records`);
  const dataset = generateDataset({ records: size, seed: 7 });
  const { services, store, drop } = await openBenchServices(kind, `lh_bench_match_${kind}`);
  const ctx = services.systemCtx("bench");
  try {
    log("loading the register");
    const seenPnr = new Set<string>();
    const now = new Date().toISOString();
    const lineage = { source_system: "bench", source_received_at: now };
    for (let offset = 0; offset < dataset.records.length; offset += 20_000) {
      const slice = dataset.records.slice(offset, offset + 20_000);
      const people = slice.map(({ record }, index) => {
        const personnummer = record.personnummer && !seenPnr.has(record.personnummer) ? record.personnummer : null;
        if (personnummer) seenPnr.add(personnummer);
        const greeting = record.preferredGivenNames[0] ?? record.givenNames[0] ?? "";
        return {
          id: uuidOf(offset + index),
          given_names: record.givenNames.join(" "),
          greeting_name: greeting,
          greeting_uncertain: record.preferredGivenNames.length === 0,
          surname: record.surname,
          personnummer,
          // A duplicate's mistyped birth date may not be a day at all; the register would refuse it.
          birth_date: record.birthDate && isDay(record.birthDate) ? record.birthDate : null,
          search_text: ` ${fold([...record.givenNames, record.surname].join(" "))} `,
          created_at: now,
          updated_at: now,
        };
      });
      await insertJsonRows(
        store.db,
        "people",
        {
          id: "uuid",
          given_names: "text",
          greeting_name: "text",
          greeting_uncertain: "boolean",
          surname: "text",
          personnummer: "text",
          birth_date: "date",
          search_text: "text",
          created_at: "timestamptz",
          updated_at: "timestamptz",
        },
        people,
      );
      const emails = slice.flatMap(({ record }, index) =>
        record.emails.map((email, n) => ({
          id: uuidOf(50_000_000 + (offset + index) * 4 + n),
          person_id: uuidOf(offset + index),
          address: email,
          canonical: email,
          created_at: now,
          ...lineage,
        })),
      );
      await insertJsonRows(
        store.db,
        "emails",
        {
          id: "uuid",
          person_id: "uuid",
          address: "text",
          canonical: "text",
          created_at: "timestamptz",
          source_system: "text",
          source_received_at: "timestamptz",
        },
        emails,
      );
      const phones = slice.flatMap(({ record }, index) =>
        record.phones.map((e164, n) => ({
          id: uuidOf(60_000_000 + (offset + index) * 4 + n),
          person_id: uuidOf(offset + index),
          e164,
          type: "mobile",
          created_at: now,
          ...lineage,
        })),
      );
      await insertJsonRows(
        store.db,
        "phones",
        {
          id: "uuid",
          person_id: "uuid",
          e164: "text",
          type: "text",
          created_at: "timestamptz",
          source_system: "text",
          source_received_at: "timestamptz",
        },
        phones,
      );
      const addresses = slice.flatMap(({ record }, index) =>
        record.street && record.postnummer
          ? [
              {
                id: uuidOf(70_000_000 + offset + index),
                person_id: uuidOf(offset + index),
                kind: "home",
                street: record.street,
                postal_code: `${record.postnummer.slice(0, 3)} ${record.postnummer.slice(3)}`,
                city: record.city,
                valid_from: now,
                ...lineage,
              },
            ]
          : [],
      );
      await insertJsonRows(
        store.db,
        "addresses",
        {
          id: "uuid",
          person_id: "uuid",
          kind: "text",
          street: "text",
          postal_code: "text",
          city: "text",
          valid_from: "timestamptz",
          source_system: "text",
          source_received_at: "timestamptz",
        },
        addresses,
      );
      if (offset % 200_000 === 0) log(`${offset + slice.length} loaded`);
    }
    await store.db.execute(sql`analyze`);
    log("matching");
    const latencies: number[] = [];
    const candidatesMs: number[] = [];
    let candidates = 0;
    let likely = 0;
    for (let query = 0; query < QUERIES; query++) {
      const index = Math.floor(Math.random() * dataset.records.length);
      const record = {
        ...(dataset.records[index]?.record as (typeof dataset.records)[number]["record"]),
        id: "00000000-0000-7000-8000-000000000000",
      };
      const started = performance.now();
      const found = await findMatchCandidates(ctx, record);
      candidatesMs.push(performance.now() - started);
      const counts = await nameCounts(ctx, {
        surnames: [record.surname, ...found.map((candidate) => candidate.surname)],
        givenNames: [...record.givenNames, ...found.flatMap((candidate) => candidate.givenNames)],
      });
      const tf = termFrequenciesFromCounts(counts);
      const scores = found.map((candidate) => scorePair(record, candidate, DEFAULT_MATCH_MODEL, tf));
      latencies.push(performance.now() - started);
      candidates += found.length;
      likely += scores.filter((score) => score.outcome !== "distinct").length;
    }
    const result = {
      benchmark: "match-one",
      store: kind,
      machine: machine(),
      at: new Date().toISOString(),
      registerRecords: dataset.records.length,
      queries: QUERIES,
      meanCandidates: candidates / QUERIES,
      meanLikelyPairs: likely / QUERIES,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      /** Of which: finding and loading the candidates through the blocking indexes. */
      candidatesP50Ms: percentile(candidatesMs, 50),
      candidatesP95Ms: percentile(candidatesMs, 95),
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(
      `bench/results/match-one-${kind}-${result.at.slice(0, 10)}.json`,
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    await drop();
  }
}

await main();
