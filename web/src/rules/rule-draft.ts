import { type ActionDraft, actionDraft, actionOf } from "./action-draft";
import { conditionDraft, conditionOf, type GroupDraft, newGroup } from "./condition-draft";
import { EMPTY_TRIGGER, type TriggerDraft, triggerDraft, triggerOf } from "./trigger-draft";
import type { Rule, RuleField, RuleInput } from "./types";

/** The builder's state: the rule as its inputs hold it. */
export interface RuleDraft {
  name: string;
  description: string;
  trigger: TriggerDraft;
  condition: GroupDraft;
  actions: ActionDraft[];
  /** A NumberInput gives "" while empty, which means no limit. */
  oncePerDays: number | string;
  enabled: boolean;
}

/** A new rule: an event trigger and one row to fill in; enabled from the start, as most rules are meant to run. */
export function emptyRule(): RuleDraft {
  return {
    name: "",
    description: "",
    trigger: EMPTY_TRIGGER,
    condition: newGroup(),
    actions: [],
    oncePerDays: "",
    enabled: true,
  };
}

export function ruleDraft(rule: Rule, fields: readonly RuleField[]): RuleDraft {
  return {
    name: rule.name,
    description: rule.description ?? "",
    trigger: triggerDraft(rule.trigger),
    condition: conditionDraft(rule.condition, fields),
    actions: rule.actions.map(actionDraft),
    oncePerDays: rule.oncePerDays ?? "",
    enabled: rule.enabled,
  };
}

export function ruleInput(draft: RuleDraft, fields: readonly RuleField[]): RuleInput {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    trigger: triggerOf(draft.trigger),
    condition: conditionOf(draft.condition, fields),
    actions: draft.actions.map(actionOf),
    oncePerDays: typeof draft.oncePerDays === "number" ? draft.oncePerDays : null,
    enabled: draft.enabled,
  };
}
