import type { Logger } from "pino";
import { assignOwnerAction } from "../flows/rule-actions/assign-owner-action";
import { createTaskAction } from "../flows/rule-actions/create-task-action";
import { escalateCaseAction } from "../flows/rule-actions/escalate-case-action";
import { openCaseAction } from "../flows/rule-actions/open-case-action";
import { sendMessageAction } from "../flows/rule-actions/send-message-action";
import { setFieldAction } from "../flows/rule-actions/set-field-action";
import type { JobQueue } from "../kernel/jobs";
import { caseCategoryField, caseJoin, caseRuleFields, loadCaseFacts } from "../modules/cases";
import { loadOrderFacts, orderJoin, orderRuleFields } from "../modules/orders";
import { loadPersonFacts, personRuleFields, profiledPeopleWhere, profilingObjectors } from "../modules/register";
import {
  ActionRegistry,
  addToListAction,
  loadMembershipFacts,
  membershipRuleFields,
  RuleEngine,
  type RulesRuntime,
  removeFromListAction,
  webhookAction,
} from "../modules/rules";
import { eventPropertyField, eventRuleFields, loadTraitFacts, traitJoin, traitRuleFields } from "../modules/tracking";

export const WEBHOOK_JOB = "rules.webhook";

/**
 * What each module brings to rules: its fields, how to load its facts in bulk and join them for
 * the whole base, and its actions. Modules added later register theirs here.
 */
export function createRuleEngine(jobs: JobQueue, log: Logger): RuleEngine {
  const actions = new ActionRegistry();
  actions.register(createTaskAction);
  actions.register(setFieldAction);
  actions.register(assignOwnerAction);
  actions.register(addToListAction);
  actions.register(removeFromListAction);
  actions.register(openCaseAction);
  actions.register(escalateCaseAction);
  actions.register(sendMessageAction);
  actions.register(
    webhookAction(async (deliveryId) => {
      // A delivery that could not be queued stays pending; the minute tick queues it again.
      await jobs.send(WEBHOOK_JOB, { deliveryId }).catch((error: unknown) => {
        log.warn({ err: error, deliveryId }, "webhook delivery not queued");
      });
    }),
  );
  const runtime: RulesRuntime = {
    people: { where: profiledPeopleWhere, objectors: profilingObjectors },
    fields: [
      personRuleFields,
      traitRuleFields,
      async () => orderRuleFields(),
      async () => caseRuleFields(),
      async () => eventRuleFields(),
      membershipRuleFields,
    ],
    resolvers: [eventPropertyField, caseCategoryField],
    facts: new Map([
      ["person", { group: "person", load: loadPersonFacts }],
      ["traits", { group: "traits", load: loadTraitFacts, join: traitJoin }],
      ["orders", { group: "orders", load: loadOrderFacts, join: orderJoin }],
      ["cases", { group: "cases", load: loadCaseFacts, join: caseJoin }],
      ["membership", { group: "membership", load: loadMembershipFacts }],
    ]),
    actions,
  };
  return new RuleEngine(runtime);
}
