import type { Ctx } from "../kernel/ctx";
import { explainPair, type PairScore } from "../lib/match";
import { decideMatchCandidate, getMatchCandidate, type TMatchCandidate } from "../modules/quality";
import { assertMayChangePerson, getPerson, type TPerson } from "../modules/register";

export interface TPairReview {
  candidate: TMatchCandidate;
  a: TPerson;
  b: TPerson;
  /** Field by field, why the matcher thinks what it thinks. */
  explanation: string[];
}

/** Everything a person needs to decide a pair: both records side by side and the matcher's reasons. */
export async function reviewPair(ctx: Ctx, candidateId: string): Promise<TPairReview> {
  const candidate = await getMatchCandidate(ctx, candidateId);
  const [a, b] = await Promise.all([getPerson(ctx, candidate.personA), getPerson(ctx, candidate.personB)]);
  const score: PairScore = {
    a: candidate.personA,
    b: candidate.personB,
    weight: candidate.weight,
    probability: candidate.probability,
    outcome: candidate.outcome,
    fields: candidate.comparison as PairScore["fields"],
  };
  return { candidate, a, b, explanation: explainPair(score) };
}

/**
 * Files a pair as two people, for good: a decision about both records, so the caller must be
 * one who may change each of them.
 */
export async function markPairDistinct(ctx: Ctx, candidateId: string): Promise<TMatchCandidate> {
  const candidate = await getMatchCandidate(ctx, candidateId);
  await assertMayChangePerson(ctx, candidate.personA);
  await assertMayChangePerson(ctx, candidate.personB);
  return decideMatchCandidate(ctx, candidateId, "distinct");
}
