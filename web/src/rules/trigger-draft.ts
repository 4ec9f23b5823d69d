import type {
  Direction,
  EventTriggerType,
  RecordChange,
  RecordEntity,
  SegmentChange,
  Trigger,
  TriggerType,
  TriggerUnit,
} from "./types";

/**
 * Every trigger type's inputs at once, so switching the type and back keeps what was typed; only
 * the chosen type's part is sent.
 */
export interface TriggerDraft {
  type: TriggerType;
  eventType: EventTriggerType;
  eventName: string;
  entity: RecordEntity;
  on: RecordChange;
  fields: string[];
  cron: string;
  dateField: string | null;
  /** A NumberInput gives "" while empty. */
  amount: number | string;
  unit: TriggerUnit;
  direction: Direction;
  segmentRuleId: string | null;
  segmentOn: SegmentChange;
}

export const EMPTY_TRIGGER: TriggerDraft = {
  type: "event",
  eventType: "track",
  eventName: "",
  entity: "person",
  on: "created_or_changed",
  fields: [],
  cron: "0 9 * * 1-5",
  dateField: null,
  amount: 3,
  unit: "days",
  direction: "after",
  segmentRuleId: null,
  segmentOn: "enter",
};

export function triggerDraft(trigger: Trigger): TriggerDraft {
  switch (trigger.type) {
    case "event":
      return { ...EMPTY_TRIGGER, type: "event", eventType: trigger.eventType, eventName: trigger.eventName ?? "" };
    case "record":
      return { ...EMPTY_TRIGGER, type: "record", entity: trigger.entity, on: trigger.on, fields: trigger.fields ?? [] };
    case "schedule":
      return { ...EMPTY_TRIGGER, type: "schedule", cron: trigger.cron };
    case "relative_date":
      return {
        ...EMPTY_TRIGGER,
        type: "relative_date",
        dateField: trigger.field,
        amount: trigger.amount,
        unit: trigger.unit,
        direction: trigger.direction,
      };
    case "segment":
      return { ...EMPTY_TRIGGER, type: "segment", segmentRuleId: trigger.segmentRuleId, segmentOn: trigger.on };
  }
}

/**
 * The trigger as the API takes it. Left-empty inputs are sent empty rather than guessed, so the
 * server names the input that needs filling in.
 */
export function triggerOf(draft: TriggerDraft): Trigger {
  switch (draft.type) {
    case "event": {
      const eventName = draft.eventName.trim();
      return { type: "event", eventType: draft.eventType, ...(eventName ? { eventName } : {}) };
    }
    case "record": {
      const fields = draft.on === "created" ? [] : draft.fields.map((field) => field.trim()).filter(Boolean);
      return { type: "record", entity: draft.entity, on: draft.on, ...(fields.length > 0 ? { fields } : {}) };
    }
    case "schedule":
      return { type: "schedule", cron: draft.cron.trim().replace(/\s+/g, " ") };
    case "relative_date":
      return {
        type: "relative_date",
        field: draft.dateField ?? "",
        amount: draft.amount as number,
        unit: draft.unit,
        direction: draft.direction,
      };
    case "segment":
      return { type: "segment", segmentRuleId: draft.segmentRuleId ?? "", on: draft.segmentOn };
  }
}
