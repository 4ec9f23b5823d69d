import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ACTIVITY_KINDS = ["call", "meeting", "email", "note", "task", "document"] as const;

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** Calls, meetings, e-mails, notes, tasks and documents: what staff did with a customer. */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id"),
    organizationId: uuid("organization_id"),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    direction: text("direction", { enum: ["inbound", "outbound"] }),
    subject: text("subject").notNull(),
    body: text("body"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** Tasks: when it is due, and whether it is done. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    status: text("status", { enum: ["open", "done", "cancelled"] }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    ownerId: uuid("owner_id"),
    createdBy: uuid("created_by"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    sourceSystem: text("source_system").notNull(),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("activities_person_time_idx").on(t.personId, t.occurredAt.desc(), t.id.desc()),
    index("activities_org_time_idx").on(t.organizationId, t.occurredAt.desc(), t.id.desc()),
    index("activities_open_tasks_idx").on(t.ownerId, t.dueAt).where(sql`kind = 'task' and status = 'open'`),
    uniqueIndex("activities_external_idx").on(t.sourceSystem, t.externalId).where(sql`external_id is not null`),
  ],
);

/** Uploaded files (quotes, guides) kept in the database, so a backup holds everything. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("documents_activity_idx").on(t.activityId)],
);
