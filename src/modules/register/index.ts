export { addEmail, CONTACT_POINT_CHANGED, ZAddEmailInput } from "./add-email";
export { addPhone, ZAddPhoneInput } from "./add-phone";
export { addRole, ROLE_CHANGED } from "./add-role";
export { assertPersonExists } from "./assert-person-exists";
export {
  changeManyRecords,
  type TManyRecordsChange,
  type TManyRecordsFault,
  type TManyRecordsResult,
} from "./change-many-records";
export { consentHistoryOfPerson } from "./consent-history";
export { contactsDue } from "./contacts-due";
export { createOrganization, ORGANIZATION_CREATED } from "./create-organization";
export { createPerson, PERSON_CREATED } from "./create-person";
export {
  CUSTOM_ENTITIES,
  type TCustomAttribute,
  type TCustomEntity,
  ZCustomAttribute,
} from "./custom-attribute-definition";
export { ensureCustomSortIndexes } from "./custom-sort-index";
export { defineCustomAttribute, ZDefineCustomAttributeInput } from "./define-custom-attribute";
export { deleteSavedList } from "./delete-saved-list";
export { endRole } from "./end-role";
export { erasePersonRecord } from "./erase-person";
export {
  organizationExportDetails,
  personExportDetails,
  type TExportAddress,
} from "./export-details";
export { findSavedList } from "./find-saved-list";
export { getOrganization } from "./get-organization";
export { getPerson } from "./get-person";
export {
  countOwnedRecords,
  handOverOwnedRecords,
  type TOwnedRecordCounts,
  type TRecordHolder,
} from "./hand-over-owned-records";
export { importOrganization } from "./import-organization";
export {
  importOrganizations,
  type TImportedOrganization,
  type TImportOrganizationInput,
} from "./import-organizations";
export {
  commitPeopleBatch,
  importPeople,
  PEOPLE_IMPORTED,
  preparePeopleBatch,
  type TImportAssignee,
  type TImportAssignees,
  type TImportBatchResult,
  type TImportRowError,
  type TPersonImportRow,
  type TPreparedPeopleBatch,
} from "./import-people";
export { assignedIn, isoDayOf, spreadsheetCountry, spreadsheetCustomValue, streetParts } from "./import-row";
export {
  type TCreateOrganizationInput,
  type TCreatePersonInput,
  type TUpdateOrganizationInput,
  type TUpdatePersonInput,
  ZChannelPreferenceInput,
  ZConsentInput,
  ZCreateOrganizationInput,
  ZCreatePersonInput,
  ZRoleInput,
  ZSourceInput,
  ZUpdateOrganizationInput,
  ZUpdatePersonInput,
} from "./inputs";
export { listCustomAttributes } from "./list-custom-attributes";
export {
  listOrganizations,
  type TListOrganizationsInput,
  type TOrganizationSummary,
  ZListOrganizationsInput,
  ZOrganizationSummary,
} from "./list-organizations";
export { listPeople, type TListPeopleInput, ZListPeopleInput } from "./list-people";
export {
  listQueryField,
  organizationsListInput,
  peopleListInput,
  type TOrganizationsListQuery,
  type TPeopleListQuery,
  ZOrganizationsExportQuery,
  ZOrganizationsListQuery,
  ZPeopleExportQuery,
  ZPeopleListQuery,
} from "./list-query";
export { listSavedLists, ZListSavedListsInput } from "./list-saved-lists";
export { findMatchCandidates, loadMatchRecords, nameCounts } from "./match-records";
export {
  MERGE_FIELDS,
  mergePersonRecords,
  PERSON_MERGED,
  SURVIVORSHIP_RULES,
  type TMergeField,
  type TRegisterMergeSnapshot,
  type TSurvivorship,
  ZSurvivorship,
} from "./merge-person-records";
export { moveAddress, ZMoveAddressInput } from "./move-address";
export { organizationsOfPeople } from "./organizations-of-people";
export {
  assertMayChangePerson,
  erasedRecord,
  guardRecordReference,
  guardRecords,
  guardRecordWrite,
  type TGuardLock,
  type TOwnerRef,
} from "./owner-ref";
export { profiledPeopleWhere, profilingObjectors } from "./profiling-objectors";
export { CONSENT_CHANGED, recordConsent } from "./record-consent";
export { recordNames, type TRecordName } from "./record-names";
export { refreshRegisterStatistics, sampledRegisterSize } from "./refresh-statistics";
export { removeChannelPreference } from "./remove-channel-preference";
export { removeContactPoint } from "./remove-contact-point";
export { matchPersonRefs, resolvePersonRefs, type TPersonRef, type TPersonRefMatch } from "./resolve-person-refs";
export { loadPersonFacts, personRuleFields } from "./rule-facts";
export { SAVED_LISTS_PER_USER, saveList, type TSaveListInput, ZSaveListInput } from "./save-list";
export { type TSavedList, ZSavedList } from "./saved-list-view";
export { CONTACT_CHANNELS, LIFECYCLE_STAGES } from "./schema";
export { setChannelPreference } from "./set-channel-preference";
export { setLastContacts } from "./set-last-contacts";
export { setOrganizationContacts } from "./set-organization-contacts";
export { PROFILING_OBJECTION_CHANGED, setProfilingObjection } from "./set-profiling-objection";
export { PERSON_UNMERGED, unmergePersonRecords } from "./unmerge-person-records";
export {
  type TCustomAttributeChange,
  type TUpdateCustomAttributeInput,
  updateCustomAttribute,
  ZUpdateCustomAttributeInput,
} from "./update-custom-attribute";
export { ORGANIZATION_UPDATED, updateOrganization } from "./update-organization";
export { PERSON_UPDATED, updatePerson } from "./update-person";
export { updateRole, ZUpdateRoleInput } from "./update-role";
export { type TUpdateSavedListInput, updateSavedList, ZUpdateSavedListInput } from "./update-saved-list";
export {
  type TConsentView,
  type TOrganization,
  type TOrganizationDetail,
  type TPerson,
  type TPersonSummary,
  ZOrganization,
  ZOrganizationDetail,
  ZPerson,
  ZPersonSummary,
} from "./views";
