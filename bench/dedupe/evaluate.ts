import type { MatchOutcome } from "../../src/lib/match";
import { type Dataset, ERROR_TAGS, type ErrorTag, HARD_TAGS, type HardTag } from "./dataset";
import { RegisterOutcome } from "./register-outcome";

export interface PairMetrics {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /**
   * The register after the run: record pairs merged into one person or put to a reviewer as one
   * question (see RegisterOutcome). The headline figure: it is what the users of the register get.
   */
  register: PairMetrics;
  /** The scored pairs alone, at review or auto_merge, without what the merges imply. */
  match: PairMetrics;
  /** Pairs at auto_merge only. */
  autoMerge: PairMetrics;
  /** The pairs implied by the auto-merge clusters (all pairs inside a cluster). */
  autoMergeClusters: PairMetrics;
  /**
   * Per error tag: true pairs where either record carries it, and how many the register merged
   * (`autoMerged`) or merged or queued (`found`).
   */
  recallByTag: Record<string, { pairs: number; found: number; autoMerged: number; recall: number }>;
  /** Per hard non-match: record pairs between the two people, and how many the register queued or merged. */
  hardNonMatches: Record<HardTag, { pairs: number; review: number; autoMerge: number }>;
}

/** Pairwise scores of the matcher's pairs and clusters against the generator's ground truth. */
export function evaluate(
  dataset: Dataset,
  pairs: ReadonlyArray<{ a: string; b: string; outcome: MatchOutcome }>,
  clusters: readonly string[][],
): Evaluation {
  const { records, entities } = dataset;
  const position = (id: string) => Number(id.slice(1));
  const entityOf = Int32Array.from(records, (record) => record.entityId);
  const tagBits = Uint16Array.from(records, (record) => record.tags.reduce((bits, tag) => bits | bit(tag), 0));
  const recordsOf = new Map<number, number[]>();
  records.forEach((record, index) => {
    const list = recordsOf.get(record.entityId);
    if (list) list.push(index);
    else recordsOf.set(record.entityId, [index]);
  });
  const recallByTag: Evaluation["recallByTag"] = {};
  for (const tag of ["clean", ...ERROR_TAGS]) recallByTag[tag] = { pairs: 0, found: 0, autoMerged: 0, recall: 0 };
  const countTags = (bits: number, field: "pairs" | "found" | "autoMerged") => {
    const bump = (tag: string) => {
      const entry = recallByTag[tag];
      if (entry) entry[field]++;
    };
    if (bits === 0) bump("clean");
    ERROR_TAGS.forEach((tag, t) => {
      if (bits & (1 << t)) bump(tag);
    });
  };
  let truePairs = 0;
  for (const list of recordsOf.values()) {
    truePairs += (list.length * (list.length - 1)) / 2;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        countTags((tagBits[list[x] as number] as number) | (tagBits[list[y] as number] as number), "pairs");
      }
    }
  }
  const hardOf = new Map<number, { tag: HardTag; of: number }>();
  for (const entity of entities) if (entity.hard) hardOf.set(entity.id, entity.hard);
  const hardNonMatches = Object.fromEntries(
    HARD_TAGS.map((tag) => [tag, { pairs: 0, review: 0, autoMerge: 0 }]),
  ) as Evaluation["hardNonMatches"];
  for (const [id, hard] of hardOf) {
    hardNonMatches[hard.tag].pairs += (recordsOf.get(id)?.length ?? 0) * (recordsOf.get(hard.of)?.length ?? 0);
  }
  let predicted = 0;
  let truePositives = 0;
  let autoPredicted = 0;
  let autoTrue = 0;
  for (const pair of pairs) {
    if (pair.outcome === "distinct") continue;
    predicted++;
    if (pair.outcome === "auto_merge") autoPredicted++;
    if (entityOf[position(pair.a)] !== entityOf[position(pair.b)]) continue;
    truePositives++;
    if (pair.outcome === "auto_merge") autoTrue++;
  }
  const outcome = new RegisterOutcome(
    records.length,
    pairs.map((pair) => ({ a: position(pair.a), b: position(pair.b), outcome: pair.outcome })),
    clusters.map((cluster) => cluster.map(position)),
  );
  for (const list of recordsOf.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const decision = outcome.decision(list[x] as number, list[y] as number);
        if (decision === "distinct") continue;
        const bits = (tagBits[list[x] as number] as number) | (tagBits[list[y] as number] as number);
        countTags(bits, "found");
        if (decision === "auto_merge") countTags(bits, "autoMerged");
      }
    }
  }
  for (const [id, hard] of hardOf) {
    for (const a of recordsOf.get(id) ?? []) {
      for (const b of recordsOf.get(hard.of) ?? []) {
        const decision = outcome.decision(a, b);
        if (decision !== "distinct") hardNonMatches[hard.tag][decision === "auto_merge" ? "autoMerge" : "review"]++;
      }
    }
  }
  let registerPairs = 0;
  let registerTrue = 0;
  let clusterPairs = 0;
  let clusterTrue = 0;
  for (const { left, right } of outcome.decidedGroups()) {
    const perEntity = new Map<number, number>();
    for (const record of left)
      perEntity.set(entityOf[record] as number, (perEntity.get(entityOf[record] as number) ?? 0) + 1);
    if (right === null) {
      const pairsInside = (left.length * (left.length - 1)) / 2;
      let trueInside = 0;
      for (const count of perEntity.values()) trueInside += (count * (count - 1)) / 2;
      clusterPairs += pairsInside;
      clusterTrue += trueInside;
      registerPairs += pairsInside;
      registerTrue += trueInside;
      continue;
    }
    registerPairs += left.length * right.length;
    for (const record of right) registerTrue += perEntity.get(entityOf[record] as number) ?? 0;
  }
  for (const entry of Object.values(recallByTag)) entry.recall = entry.pairs === 0 ? 0 : entry.found / entry.pairs;
  return {
    register: metrics(truePairs, registerPairs, registerTrue),
    match: metrics(truePairs, predicted, truePositives),
    autoMerge: metrics(truePairs, autoPredicted, autoTrue),
    autoMergeClusters: metrics(truePairs, clusterPairs, clusterTrue),
    recallByTag,
    hardNonMatches,
  };
}

function bit(tag: ErrorTag): number {
  return 1 << ERROR_TAGS.indexOf(tag);
}

function metrics(truePairs: number, predictedPairs: number, truePositives: number): PairMetrics {
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}
