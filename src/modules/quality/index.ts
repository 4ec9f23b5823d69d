export { eraseCandidatesOfPeople } from "./erase-candidates";
export {
  decideMatchCandidate,
  getMatchCandidate,
  listMatchCandidates,
  recordMatchCandidate,
  reopenAsDistinct,
  reopenForReview,
  type TMatchCandidate,
  ZListMatchCandidatesInput,
  ZMatchCandidate,
} from "./match-candidates";
export {
  DEFAULT_SURVIVORSHIP,
  getMatchSettings,
  type TMatchSettings,
  updateMatchSettings,
  ZMatchSettings,
  ZUpdateMatchSettingsInput,
} from "./match-settings";
export { activeMergeOf, listMergesOf, markMergeUndone, recordMerge, type TMerge, ZMerge } from "./merge-records";
export { moveCandidatesOfPerson, returnCandidates, type TCandidateMove } from "./move-candidates";
export { redactMergesOfPeople } from "./redact-merges";
