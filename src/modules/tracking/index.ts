export { backfillComputedTrait } from "./backfill-computed-trait";
export { collectEvents, type TCollectInput, type TrackingDeps } from "./collect-events";
export type { TCollectResult } from "./collect-types";
export { committedEventsBetween } from "./committed-events-since";
export { computedTraitValues, type TTraitValue } from "./computed-trait-values";
export {
  COMPUTED_TRAIT_DEFINED,
  defineComputedTrait,
  type TComputedTrait,
  ZComputedTrait,
  ZDefineComputedTraitInput,
} from "./define-computed-trait";
export { ensureEventPartition } from "./ensure-event-partition";
export { type TTrackedEvent, ZTrackedEvent } from "./event-view";
export type { ObjectorLookup, TCommittedEvent } from "./group-writer";
export { exportIdentitiesOfPerson, type TTrackingIdentity } from "./identities-of-person";
export {
  listIdentityConflicts,
  resolveIdentityConflict,
  type TIdentityConflict,
  ZIdentityConflict,
  ZResolveIdentityConflictInput,
} from "./identity-conflicts";
export { IDENTITY_CONFLICT, IDENTITY_LINKED, type PersonFinder } from "./link-identities";
export { listComputedTraits } from "./list-computed-traits";
export { listTrackedEvents, ZListTrackedEventsInput } from "./list-tracked-events";
export { moveTrackingOfPerson, returnTracking, type TTrackingMove } from "./move-tracking";
export { eraseEventsOfPerson, exportEventsOfPerson } from "./person-data";
export { pruneTracking, type TRetention } from "./prune-tracking";
export { recordRejection } from "./record-rejection";
export { eventPropertyField, eventRuleFields, loadTraitFacts, traitJoin, traitRuleFields } from "./rule-facts";
export { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from "./segment-message";
export { sourceDebugger, ZSourceDebugger, ZTrackingRejection } from "./source-debugger";
export { trackingTimelineSource } from "./timeline-source";
export { forgetTraitBuckets, restoreTraitBuckets, type TTraitBuckets, traitBucketsOf } from "./trait-buckets";
