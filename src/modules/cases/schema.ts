import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const CASE_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];
/** Cases that still need work: what "open cases" means in lists and rules. */
export const OPEN_CASE_STATUSES = ["new", "open", "waiting"] as const;
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CASE_CHANNELS = ["phone", "email", "web", "chat", "letter", "other"] as const;
export const CASE_EVENT_KINDS = [
  "opened",
  "status_changed",
  "priority_changed",
  "assigned",
  "escalated",
  "edited",
  "note",
] as const;

/** Support cases. Time-keeping columns are kept per state so SLA policies can be laid over them later. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    /** The number staff and customers say on the phone: "ärende 1042". */
    number: bigint("number", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    personId: uuid("person_id"),
    organizationId: uuid("organization_id"),
    subject: text("subject").notNull(),
    description: text("description"),
    /** A key such as `complaint`, `billing` or `delivery`; rules count cases by it. */
    category: text("category").notNull(),
    channel: text("channel", { enum: CASE_CHANNELS }).notNull(),
    priority: text("priority", { enum: CASE_PRIORITIES }).notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    /** 1 = first line, 2 = second line. */
    line: smallint("line").notNull().default(1),
    teamId: uuid("team_id"),
    assigneeId: uuid("assignee_id"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    escalationLevel: integer("escalation_level").notNull().default(0),
    sourceSystem: text("source_system").notNull(),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("cases_number_idx").on(t.number),
    index("cases_person_time_idx").on(t.personId, t.openedAt.desc(), t.id.desc()),
    index("cases_person_category_idx").on(t.personId, t.category),
    index("cases_org_time_idx").on(t.organizationId, t.openedAt.desc()),
    index("cases_status_idx").on(t.status),
    index("cases_assignee_idx").on(t.assigneeId, t.openedAt.desc()),
    // A team's queue (first or second line), and what a team holds before it is deleted or handed over.
    index("cases_team_idx").on(t.teamId, t.openedAt.desc()),
    uniqueIndex("cases_external_idx").on(t.sourceSystem, t.externalId).where(sql`external_id is not null`),
  ],
);

/**
 * The history of a case, append-only: when it was opened, each status change (the intervals an
 * SLA clock runs or pauses in), assignments, escalations and notes.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CASE_EVENT_KINDS }).notNull(),
    actorLabel: text("actor_label").notNull(),
    actorUserId: uuid("actor_user_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at, t.id)],
);
