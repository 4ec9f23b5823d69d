import type { Messages } from "../i18n/sv";
import { fieldLabel } from "./field-label";
import type { Rule, RuleField, Trigger } from "./types";

interface Known {
  fields: readonly RuleField[];
  /** For a segment trigger, the rule whose condition defines the segment. */
  rules: readonly Pick<Rule, "id" | "name">[];
}

/** When a rule is evaluated, in a few words: "Händelse ”Support Call”", "3 dagar efter Senaste order". */
export function describeTrigger(trigger: Trigger, t: Messages, { fields, rules }: Known): string {
  const words = t.rules.describe;
  switch (trigger.type) {
    case "event":
      return trigger.eventName
        ? words.eventNamed[trigger.eventType](trigger.eventName)
        : words.eventAny[trigger.eventType];
    case "record": {
      const text = words.record(words.entities[trigger.entity], t.rules.trigger.ons[trigger.on]);
      const fieldList = trigger.on !== "created" && trigger.fields?.length ? trigger.fields.join(", ") : null;
      return fieldList ? text + words.onlyFields(fieldList) : text;
    }
    case "schedule":
      return words.schedule(trigger.cron);
    case "relative_date":
      return words.relativeDate(
        t.rules.span(trigger.amount, trigger.unit),
        trigger.direction,
        fieldLabel(trigger.field, fields, t),
      );
    case "segment": {
      const segment = rules.find((rule) => rule.id === trigger.segmentRuleId);
      return words.segment(trigger.on, segment?.name ?? words.unknownRule);
    }
  }
}
