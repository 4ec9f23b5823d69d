export { ActionRegistry, type RuleAction, type TActionContext } from "./actions";
export { saveRule, toRuleView } from "./define-rule";
export { type CompiledRule, RuleEngine, ruleChain, type TDecision, type TRuleEvent } from "./engine";
export { eraseRuleDataOfPeople } from "./erase-rule-data";
export { forgetRotation } from "./forget-rotation";
export { addToListAction, listMembersOf, removeFromListAction } from "./list-actions";
export { loadMembershipFacts, membershipRuleFields } from "./membership-facts";
export { nextInRotation } from "./next-in-rotation";
export {
  exportFiringsOfPerson,
  exportMembershipsOfPerson,
  type TFiringExport,
  type TMembershipExport,
} from "./person-data";
export {
  dryRunCondition,
  getRule,
  listFirings,
  listRules,
  listRuleVersions,
  type TRuleSummary,
  ZListFiringsInput,
} from "./read-rules";
export { removeRuleMemberships } from "./remove-rule-memberships";
export { renameChoiceInRules, type TChoiceRename } from "./rename-choice-in-rules";
export { readRuleCursor, writeRuleCursor } from "./rule-cursor";
export { assertRuleValid, type TRuleInput, ZRuleInput } from "./rule-input";
export { type TRule, ZRule, ZRuleAction } from "./rule-view";
export { rulesNamingTeam } from "./rules-naming-team";
export { runScheduledRules, type TTickResult } from "./run-scheduled-rules";
export type { FactSource, FieldProvider, FieldResolver, RulePeople, RulesRuntime } from "./runtime";
export { type TTrigger, triggerKey, ZTrigger } from "./triggers";
export { deliverWebhook, signWebhook, webhookAction } from "./webhook-action";
