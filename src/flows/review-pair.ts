import type { Ctx } from "../kernel/ctx";
import { explainPair, type PairScore } from "../lib/match";
import { getMatchCandidate, type TMatchCandidate } from "../modules/quality";
import { getPerson, type TPerson } from "../modules/register";

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
