/**
 * Why the matcher missed the true pairs it missed, on the benchmark's generated register:
 * no blocking key in common, only keys shared too widely to be used, or compared and scored below
 * the review threshold (with the score band, whether the two share an address and surname, and
 * the error tags). Samples of each kind are printed with their field-by-field weights.
 *
 *   node --max-old-space-size=16000 --import tsx bench/dedupe/missed-pairs.ts [records] [present|absent]
 */
import { blockingKeys, DEFAULT_MATCH_MODEL, dedupe, estimateParameters, scorePair } from "../../src/lib/match";
import { generateDataset } from "./generate";

const MAX_BLOCK_SIZE = 400;
const size = Number(process.argv[2] ?? 100_000);
const personnummer = process.argv[3] === "present" ? "present" : "absent";

const dataset = generateDataset({ records: size, seed: 20_260_101, personnummer });
const records = dataset.records.map((generated) => generated.record);
const model = estimateParameters(records, DEFAULT_MATCH_MODEL, { seed: 7 });
const result = await dedupe(records, model);
const found = new Set<string>();
for (const pair of result.pairs) {
  if (pair.outcome !== "distinct") found.add(`${Number(pair.a.slice(1))}|${Number(pair.b.slice(1))}`);
}
result.pairs.length = 0;

const keys = records.map((record) => blockingKeys(record));
const blockSize = new Map<string, number>();
for (const list of keys) for (const key of list) blockSize.set(key, (blockSize.get(key) ?? 0) + 1);
const byEntity = new Map<number, number[]>();
dataset.records.forEach((generated, index) => {
  const list = byEntity.get(generated.entityId);
  if (list) list.push(index);
  else byEntity.set(generated.entityId, [index]);
});

type Kind = "noSharedKey" | "onlyOversizedKeys" | "scoredLow";
const counts = { truePairs: 0, found: 0, noSharedKey: 0, onlyOversizedKeys: 0, scoredLow: 0 };
const scoredLow: Record<string, number> = {};
const tagsByKind: Record<Kind, Map<string, number>> = {
  noSharedKey: new Map(),
  onlyOversizedKeys: new Map(),
  scoredLow: new Map(),
};
const samples: Record<Kind, string[]> = { noSharedKey: [], onlyOversizedKeys: [], scoredLow: [] };
const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

for (const list of byEntity.values()) {
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) {
      const a = list[x] as number;
      const b = list[y] as number;
      counts.truePairs++;
      if (found.has(`${a}|${b}`)) {
        counts.found++;
        continue;
      }
      const shared = (keys[a] as string[]).filter((key) => (keys[b] as string[]).includes(key));
      const kind: Kind =
        shared.length === 0
          ? "noSharedKey"
          : shared.every((key) => (blockSize.get(key) ?? 0) > MAX_BLOCK_SIZE)
            ? "onlyOversizedKeys"
            : "scoredLow";
      counts[kind]++;
      const recordA = dataset.records[a];
      const recordB = dataset.records[b];
      const tags = [...new Set([...(recordA?.tags ?? []), ...(recordB?.tags ?? [])])].sort().join("+") || "clean";
      tagsByKind[kind].set(tags, (tagsByKind[kind].get(tags) ?? 0) + 1);
      const score = kind === "scoredLow" ? scorePair(records[a] as never, records[b] as never, model) : null;
      if (score) {
        const level = Object.fromEntries(score.fields.map((field) => [field.field, field.level]));
        bump(scoredLow, score.weight >= -1 ? "weight -1..0" : score.weight >= -3 ? "weight -3..-1" : "weight < -3");
        if (level.address === "same_address") bump(scoredLow, "same address");
        if (level.address === "same_address" && level.surname === "different") {
          bump(scoredLow, "same address, different surname");
        }
      }
      // Every 97th, so the samples spread over the register rather than its first families.
      if (samples[kind].length < 6 && counts[kind] % 97 === 0) {
        samples[kind].push(
          JSON.stringify({
            tags,
            a: records[a],
            b: records[b],
            shared,
            weight: score?.weight,
            fields: score?.fields.map((field) => `${field.field}:${field.level}:${field.weight.toFixed(1)}`),
          }),
        );
      }
    }
  }
}

console.log(`${size} records, personnummer ${personnummer}`, counts);
console.log("scored below review:", scoredLow);
for (const [kind, tags] of Object.entries(tagsByKind)) {
  console.log(kind, [...tags].sort((p, q) => q[1] - p[1]).slice(0, 10));
}
for (const [kind, lines] of Object.entries(samples)) {
  console.log(`== ${kind}`);
  for (const line of lines) console.log(line);
}
