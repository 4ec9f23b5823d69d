/** Rules as the API sends them; timestamps are ISO 8601 strings. */

export const FIELD_TYPES = ["number", "kronor", "text", "choice", "boolean", "date", "timestamp"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_GROUPS = ["person", "traits", "orders", "event"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const OPERATORS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "in",
  "not_in",
  "contains",
  "starts_with",
  "before",
  "after",
  "within_last",
  "more_than_ago",
  "is_set",
  "is_not_set",
] as const;
export type Operator = (typeof OPERATORS)[number];

export const RELATIVE_UNITS = ["minutes", "hours", "days"] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

export interface RelativeSpan {
  amount: number;
  unit: RelativeUnit;
}

export interface Comparison {
  field: string;
  op: Operator;
  value?: unknown;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

/** A field a condition may test, as `GET /api/rule-fields` lists it. */
export interface RuleField {
  key: string;
  /** The owning module's own wording; built-in fields are named by the app instead. */
  label: string;
  type: FieldType;
  group: FieldGroup | string;
  choices?: string[];
  /** False for fields that exist only per event, which a dry run over the whole base cannot read. */
  wholeBase: boolean;
}

export interface ActionInfo {
  type: string;
  label: string;
}

export interface RuleFields {
  items: RuleField[];
  actions: ActionInfo[];
}

export const EVENT_TRIGGER_TYPES = ["track", "page", "screen", "identify"] as const;
export type EventTriggerType = (typeof EVENT_TRIGGER_TYPES)[number];

export const RECORD_ENTITIES = ["person", "order", "activity", "case"] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

export const RECORD_CHANGES = ["created", "changed", "created_or_changed"] as const;
export type RecordChange = (typeof RECORD_CHANGES)[number];

export const TRIGGER_UNITS = ["hours", "days"] as const;
export type TriggerUnit = (typeof TRIGGER_UNITS)[number];

export const DIRECTIONS = ["after", "before"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SEGMENT_CHANGES = ["enter", "leave"] as const;
export type SegmentChange = (typeof SEGMENT_CHANGES)[number];

export type Trigger =
  | { type: "event"; eventType: EventTriggerType; eventName?: string }
  | { type: "record"; entity: RecordEntity; on: RecordChange; fields?: string[] }
  | { type: "schedule"; cron: string }
  | { type: "relative_date"; field: string; amount: number; unit: TriggerUnit; direction: Direction }
  | { type: "segment"; segmentRuleId: string; on: SegmentChange };

export type TriggerType = Trigger["type"];
export const TRIGGER_TYPES = [
  "event",
  "record",
  "schedule",
  "relative_date",
  "segment",
] as const satisfies readonly TriggerType[];

/** The server's lists for the message and case actions, copied: the web app talks to the server over HTTP only. */
export const MESSAGE_CHANNELS = ["email"] as const;
export const MESSAGE_PURPOSES = ["marketing", "service"] as const;
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CASE_CHANNELS = ["phone", "email", "web", "chat", "letter", "other"] as const;
/** 1 = first line, 2 = second line. */
export const CASE_LINES = [1, 2] as const;
export type CaseLine = (typeof CASE_LINES)[number];

export interface RuleAction {
  type: string;
  config: Record<string, unknown>;
}

export interface Rule {
  id: string;
  name: string;
  description: string | null;
  trigger: Trigger;
  condition: Condition;
  /** The condition as one line, e.g. `complaint_calls_90d > 3 and open_sek > 10000`. */
  conditionText: string;
  actions: RuleAction[];
  oncePerDays: number | null;
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Over the last 30 days. */
export interface RuleStats {
  evaluations: number;
  firings: number;
  evaluationMs: number;
}

export interface RuleSummary extends Rule {
  stats: RuleStats;
}

export interface RuleInput {
  name: string;
  description?: string | null;
  trigger: Trigger;
  condition: Condition;
  actions: RuleAction[];
  oncePerDays?: number | null;
  enabled: boolean;
}

export interface RuleVersion {
  ruleId: string;
  version: number;
  /** The rule as saved, secrets masked. */
  snapshot: Record<string, unknown>;
  changedAt: string;
  changedBy: string | null;
  changedByLabel: string;
}

export const FIRING_STATUSES = ["done", "failed", "skipped"] as const;
export type FiringStatus = (typeof FIRING_STATUSES)[number];

/** What one action did: `ok` and its own details (taskId, ownerId, list…), or the error. */
export interface ActionResult {
  type: string;
  ok: boolean;
  error?: string;
  [detail: string]: unknown;
}

export interface RuleFiring {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  personId: string | null;
  /** What set the rule off, e.g. `event:<id>` or `schedule:<minute>`. */
  cause: string;
  firedAt: string;
  status: FiringStatus;
  /** Why a firing was skipped, e.g. a loop. */
  note: string | null;
  results: ActionResult[];
  /** One line per comparison, e.g. "✓ complaint_calls_90d = 4, more than 3". */
  explanation: string[];
}

export interface DryRun {
  count: number;
  /** A few of the people who match. */
  sample: string[];
  milliseconds: number;
}
