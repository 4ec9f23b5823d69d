import { type Ctx, withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { moveActivitiesOfPerson, returnActivities } from "../modules/activities";
import { moveCasesOfPerson, returnCases } from "../modules/cases";
import { moveMessagesOfPerson, returnMessages } from "../modules/messages";
import { moveOrdersOfPerson, returnOrders } from "../modules/orders";
import {
  activeMergeOf,
  decideMatchCandidate,
  getMatchSettings,
  markMergeUndone,
  moveCandidatesOfPerson,
  recordMerge,
  reopenAsDistinct,
  reopenForReview,
  returnCandidates,
  type TCandidateMove,
  type TMerge,
} from "../modules/quality";
import {
  mergePersonRecords,
  profilingObjectors,
  type TRegisterMergeSnapshot,
  type TSurvivorship,
  unmergePersonRecords,
} from "../modules/register";
import { removeRuleMemberships } from "../modules/rules";
import {
  forgetTraitBuckets,
  moveTrackingOfPerson,
  restoreTraitBuckets,
  returnTracking,
  type TTrackingMove,
  type TTraitBuckets,
  traitBucketsOf,
} from "../modules/tracking";
import { refreshLastContact } from "./refresh-last-contact";

interface TMergeSnapshot {
  register: TRegisterMergeSnapshot;
  activities: string[];
  orders: string[];
  /** Absent in merges made before cases existed. */
  cases?: string[];
  /** Absent in merges made before messages existed. */
  messages?: string[];
  tracking: TTrackingMove;
  /** Absent in merges made before review pairs followed a merge. */
  candidates?: TCandidateMove[];
  /** The survivor's own trait counts, when the merge dropped them for the other record's objection. */
  survivorTraits?: TTraitBuckets;
}

/**
 * Merges two people into one, across every module, in one transaction: the register applies
 * survivorship and keeps all contact points; activities, orders, cases, tracked events,
 * identities, trait counts and open review pairs move to the survivor; the merge and its
 * snapshot are kept for undoing.
 */
export async function mergePeople(
  ctx: Ctx,
  input: { survivorId: string; mergedId: string; candidateId?: string | null; decidedBy?: "auto" | "person" },
): Promise<TMerge> {
  authorize(ctx.actor, "register", "write");
  return withTransaction(ctx, async (tx) => {
    const settings = await getMatchSettings(tx);
    const survivorTraits = await traitBucketsOf(tx, input.survivorId);
    const register = await mergePersonRecords(tx, {
      survivorId: input.survivorId,
      mergedId: input.mergedId,
      survivorship: settings.survivorship as TSurvivorship,
    });
    const snapshot: TMergeSnapshot = {
      register,
      activities: await moveActivitiesOfPerson(tx, input.mergedId, input.survivorId),
      orders: await moveOrdersOfPerson(tx, input.mergedId, input.survivorId),
      cases: await moveCasesOfPerson(tx, input.mergedId, input.survivorId),
      messages: await moveMessagesOfPerson(tx, input.mergedId, input.survivorId),
      tracking: await moveTrackingOfPerson(tx, input.mergedId, input.survivorId),
    };
    // An objection to profiling on either record survives the merge; the traits and rule
    // memberships the survivor brings are dropped with it, as when an objection is recorded.
    if ((await profilingObjectors(tx, [input.survivorId])).size > 0) {
      await forgetTraitBuckets(tx, [input.survivorId]);
      await removeRuleMemberships(tx, input.survivorId);
      if (survivorTraits.length > 0) snapshot.survivorTraits = survivorTraits;
    }
    await refreshLastContact(tx, [input.survivorId, input.mergedId]);
    if (input.candidateId) await decideMatchCandidate(tx, input.candidateId, "merged");
    snapshot.candidates = await moveCandidatesOfPerson(tx, input.mergedId, input.survivorId);
    return recordMerge(tx, {
      survivorId: input.survivorId,
      mergedId: input.mergedId,
      candidateId: input.candidateId ?? null,
      decidedBy: input.decidedBy ?? "person",
      snapshot: snapshot as unknown as Record<string, unknown>,
    });
  });
}

/**
 * Undoes a merge: both records come back as they were, with what each module moved, and what
 * has happened since as far as it can be told whose it was (events through the merged person's
 * devices and ids go back to them; activities logged on the survivor since stay there).
 */
export async function unmergePeople(
  ctx: Ctx,
  mergeId: string,
  options: { pair?: "distinct" | "review" } = {},
): Promise<{ survivorId: string; restoredId: string; restoredFields: string[] }> {
  authorize(ctx.actor, "register", "write");
  return withTransaction(ctx, async (tx) => {
    const merge = await activeMergeOf(tx, mergeId);
    const snapshot = merge.snapshot as unknown as TMergeSnapshot;
    const { restoredFields } = await unmergePersonRecords(tx, snapshot.register, merge.mergedAt);
    await returnActivities(tx, snapshot.activities, merge.survivorId, merge.mergedId);
    await returnOrders(tx, snapshot.orders, merge.survivorId, merge.mergedId);
    await returnCases(tx, snapshot.cases ?? [], merge.survivorId, merge.mergedId);
    await returnMessages(tx, snapshot.messages ?? [], merge.survivorId, merge.mergedId);
    await returnTracking(tx, snapshot.tracking, merge.survivorId, merge.mergedId);
    await returnCandidates(tx, snapshot.candidates ?? [], merge.mergedId);
    await refreshLastContact(tx, [merge.survivorId, merge.mergedId]);
    // Each gets the profile their own objection allows: the survivor's counts come back once the
    // other record's objection has gone back with it, and an objector keeps none.
    const objectors = await profilingObjectors(tx, [merge.survivorId, merge.mergedId]);
    if (snapshot.survivorTraits && !objectors.has(merge.survivorId)) {
      await restoreTraitBuckets(tx, merge.survivorId, snapshot.survivorTraits);
    }
    if (objectors.size > 0) await forgetTraitBuckets(tx, [...objectors]);
    await markMergeUndone(tx, mergeId);
    // Undone because they are two people (the default), or because the wrong record was kept:
    // then the pair goes back to the queue, to be merged the other way.
    if (merge.candidateId && options.pair === "review") await reopenForReview(tx, merge.candidateId);
    else if (merge.candidateId) await reopenAsDistinct(tx, merge.candidateId);
    return { survivorId: merge.survivorId, restoredId: merge.mergedId, restoredFields };
  });
}
