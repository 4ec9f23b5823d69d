import { sql } from "drizzle-orm";
import { queryRows } from "../db/rows";
import type { Ctx } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { dedupe, type MatchModel, type MatchRecord, type PairScore } from "../lib/match";
import { getMatchSettings, recordMatchCandidate } from "../modules/quality";
import { loadMatchRecords } from "../modules/register";
import { mergePeople } from "./merge-people";

export interface TDeduplicateResult {
  records: number;
  pairs: number;
  clusters: number;
  merged: number;
  queued: number;
  seconds: { load: number; match: number; apply: number };
}

const PAGE = 20_000;

/**
 * Deduplicates the whole register in one pass: every person is blocked and scored against the
 * others in memory, clusters of auto-merge pairs are merged into their oldest record, and review
 * pairs join the queue between the people that remain. With `dryRun` nothing is written; the
 * counts say what would happen (records to merge away, questions to queue).
 */
export async function deduplicateRegister(
  ctx: Ctx,
  options: {
    dryRun?: boolean;
    workers?: number;
    onProgress?: (stage: string, done: number, total: number) => void;
  } = {},
): Promise<TDeduplicateResult> {
  authorize(ctx.actor, "register", "write");
  const started = performance.now();
  const ids = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from people where merged_into is null and erased_at is null order by id`,
  );
  const records: MatchRecord[] = [];
  for (let offset = 0; offset < ids.length; offset += PAGE) {
    records.push(
      ...(await loadMatchRecords(
        ctx,
        ids.slice(offset, offset + PAGE).map((row) => row.id),
      )),
    );
    options.onProgress?.("load", Math.min(offset + PAGE, ids.length), ids.length);
  }
  const loaded = performance.now();
  const settings = await getMatchSettings(ctx);
  const found = await dedupe(records, settings.model as unknown as MatchModel, { workers: options.workers ?? 2 });
  const matched = performance.now();
  // UUIDv7 ids sort by creation: each cluster's first is its oldest record, which others may
  // point at, and it survives.
  const survivorOf = new Map<string, string>();
  for (const cluster of found.clusters) {
    const [survivorId, ...rest] = [...cluster].sort() as [string, ...string[]];
    for (const mergedId of rest) survivorOf.set(mergedId, survivorId);
  }
  // A review pair asks about the people as they are after the merges: records merged away are
  // asked about through their survivor, and two clusters are asked about once, on their
  // strongest pair (the pairs come strongest first); a pair inside one cluster is moot.
  const questions = new Map<string, PairScore>();
  for (const pair of found.pairs) {
    if (pair.outcome !== "review") continue;
    const a = survivorOf.get(pair.a) ?? pair.a;
    const b = survivorOf.get(pair.b) ?? pair.b;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (a !== b && !questions.has(key)) questions.set(key, { ...pair, a, b });
  }
  let merged = 0;
  let queued = 0;
  if (options.dryRun) {
    merged = survivorOf.size;
    queued = questions.size;
  } else {
    for (const [mergedId, survivorId] of survivorOf) {
      await mergePeople(ctx, { survivorId, mergedId, decidedBy: "auto" });
      merged += 1;
      options.onProgress?.("merge", merged, survivorOf.size);
    }
    // A pair a person already decided is not asked again, so fewer may be queued than found.
    for (const question of questions.values()) if (await recordMatchCandidate(ctx, question)) queued += 1;
  }
  const applied = performance.now();
  return {
    records: records.length,
    pairs: found.pairs.length,
    clusters: found.clusters.length,
    merged,
    queued,
    seconds: {
      load: (loaded - started) / 1000,
      match: (matched - loaded) / 1000,
      apply: (applied - matched) / 1000,
    },
  };
}
