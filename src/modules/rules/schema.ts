import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A rule: when (trigger), if (condition), then (actions). The row holds the current version. */
export const rules = pgTable(
  "rules",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    trigger: jsonb("trigger").$type<Record<string, unknown>>().notNull(),
    /** The lookup key the trigger is indexed under, e.g. `event:track:Support Call`, `record:person`. */
    triggerKey: text("trigger_key").notNull(),
    condition: jsonb("condition").$type<Record<string, unknown>>().notNull(),
    actions: jsonb("actions").$type<Array<Record<string, unknown>>>().notNull(),
    /** At most one firing per person in this many days; null fires every time it matches. */
    oncePerDays: integer("once_per_days"),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [index("rules_trigger_idx").on(t.triggerKey).where(sql`enabled`)],
);

/** Every version of every rule, with who changed it: "who changed what" has an answer. */
export const ruleVersions = pgTable(
  "rule_versions",
  {
    ruleId: uuid("rule_id").notNull(),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    changedBy: uuid("changed_by"),
    changedByLabel: text("changed_by_label").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

export const FIRING_STATUSES = ["done", "failed", "skipped"] as const;

/** Each time a rule fired, for whom, why (the trace) and what its actions did. */
export const ruleFirings = pgTable(
  "rule_firings",
  {
    id: uuid("id").primaryKey(),
    ruleId: uuid("rule_id").notNull(),
    ruleVersion: integer("rule_version").notNull(),
    personId: uuid("person_id"),
    /** What set it off: a tracked event id, a domain event id, a schedule tick. */
    cause: text("cause").notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull(),
    trace: jsonb("trace").$type<Record<string, unknown>>().notNull(),
    results: jsonb("results").$type<unknown[]>().notNull(),
    status: text("status", { enum: FIRING_STATUSES }).notNull(),
    note: text("note"),
  },
  (t) => [
    index("rule_firings_rule_idx").on(t.ruleId, t.firedAt.desc()),
    index("rule_firings_person_idx").on(t.personId, t.firedAt.desc()),
    // A cause fires a rule for a person once, however often it is delivered.
    uniqueIndex("rule_firings_cause_idx").on(t.ruleId, t.personId, t.cause),
  ],
);

/** Per rule and day: evaluations, firings and time spent. */
export const ruleStats = pgTable(
  "rule_stats",
  {
    ruleId: uuid("rule_id").notNull(),
    day: date("day").notNull(),
    evaluations: bigint("evaluations", { mode: "number" }).notNull(),
    firings: bigint("firings", { mode: "number" }).notNull(),
    evaluationMs: doublePrecision("evaluation_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.day] })],
);

/** Round-robin positions of team queues, shared by every process. */
export const ruleAssignmentCursors = pgTable("rule_assignment_cursors", {
  teamId: uuid("team_id").primaryKey(),
  lastUserId: uuid("last_user_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Static lists that rules add people to and remove them from. */
export const lists = pgTable("lists", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const listMembers = pgTable(
  "list_members",
  {
    listId: uuid("list_id").notNull(),
    personId: uuid("person_id").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    addedBy: text("added_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.personId] }), index("list_members_person_idx").on(t.personId)],
);

/** Outgoing webhook calls, signed and retried by a job until they succeed or give up. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    ruleId: uuid("rule_id"),
    url: text("url").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_rule_idx").on(t.ruleId, t.createdAt.desc())],
);

/** Who is in each segment (a rule's condition) as of the last tick, to tell who entered and left. */
export const segmentMembers = pgTable(
  "segment_members",
  {
    ruleId: uuid("rule_id").notNull(),
    personId: uuid("person_id").notNull(),
    since: timestamp("since", { withTimezone: true }).notNull(),
  },
  // By person too: rules that ask about segments read a person's memberships at each event.
  (t) => [primaryKey({ columns: [t.ruleId, t.personId] }), index("segment_members_person_idx").on(t.personId)],
);

/** How far a consumer has read a stream (tracked events for rules), so a restart resumes there. */
export const ruleCursors = pgTable("rule_cursors", {
  name: text("name").primaryKey(),
  lastId: uuid("last_id").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
