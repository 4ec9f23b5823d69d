import type { Ctx } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { type MatchModel, type PairScore, scorePair, termFrequenciesFromCounts } from "../lib/match";
import { getMatchSettings, recordMatchCandidate } from "../modules/quality";
import {
  assertMayChangePerson,
  findMatchCandidates,
  getPerson,
  loadMatchRecords,
  nameCounts,
} from "../modules/register";
import { mergePeople } from "./merge-people";

export interface TMatchResult {
  personId: string;
  compared: number;
  scores: PairScore[];
  merged: string | null;
  queued: number;
}

/**
 * Checks one person against the register: candidates through the blocking indexes, each pair
 * scored and explained. The likeliest pair above the auto-merge threshold is merged (the older
 * record survives, so references from elsewhere keep their target); pairs above the review
 * threshold join the review queue.
 */
export async function matchPerson(ctx: Ctx, personId: string): Promise<TMatchResult> {
  // Checking may merge or queue a pair: it is a change to the register.
  authorize(ctx.actor, "register", "write");
  await assertMayChangePerson(ctx, personId);
  const [record] = await loadMatchRecords(ctx, [personId]);
  if (!record) {
    // A person merged away or erased has no one to be compared with; an id no one has is not found.
    await getPerson(ctx, personId);
    return { personId, compared: 0, scores: [], merged: null, queued: 0 };
  }
  const candidates = await findMatchCandidates(ctx, record);
  const result: TMatchResult = { personId, compared: candidates.length, scores: [], merged: null, queued: 0 };
  if (candidates.length === 0) return result;
  const settings = await getMatchSettings(ctx);
  const counts = await nameCounts(ctx, {
    surnames: [record.surname, ...candidates.map((candidate) => candidate.surname)],
    givenNames: [...record.givenNames, ...candidates.flatMap((candidate) => candidate.givenNames)],
  });
  const tf = termFrequenciesFromCounts(counts);
  const model = settings.model as unknown as MatchModel;
  result.scores = candidates
    .map((candidate) => scorePair(record, candidate, model, tf))
    .filter((score) => score.outcome !== "distinct")
    .sort((a, b) => b.probability - a.probability);
  const best = result.scores[0];
  // After a merge the new record lives on as its survivor, and the other pairs ask about that one.
  let survivorOfNew = personId;
  for (const score of result.scores) {
    if (score === best && score.outcome === "auto_merge") {
      const candidate = await recordMatchCandidate(ctx, score);
      if (!candidate) continue;
      // A pair a person put back for review after undoing its merge waits for a person's word.
      if (candidate.decidedBy !== null) {
        result.queued += 1;
        continue;
      }
      // The record that was there first survives: others may already point at it.
      const [survivorId, mergedId] = score.b < score.a ? [score.b, score.a] : [score.a, score.b];
      await mergePeople(ctx, { survivorId, mergedId, candidateId: candidate.id, decidedBy: "auto" });
      result.merged = survivorId === personId ? mergedId : survivorId;
      survivorOfNew = survivorId;
      continue;
    }
    const [a, b] = [score.a, score.b].map((id) => (id === personId ? survivorOfNew : id)) as [string, string];
    if (a === b) continue;
    const review = { ...score, a, b, outcome: score.outcome === "auto_merge" ? ("review" as const) : score.outcome };
    if (await recordMatchCandidate(ctx, review)) result.queued += 1;
  }
  return result;
}
