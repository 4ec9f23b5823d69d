import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Domain events written in the same transaction as the change they describe (transactional
 * outbox). A dispatcher leases pending rows and runs every registered handler at least once.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: uuid("id").primaryKey(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    actor: jsonb("actor").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["pending", "done", "dead"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /**
     * Bulk work (the duplicate check of an import, a hand-over's thousands of changes) waits
     * while anything else is due, so a message or a rule does not queue behind an hour of it.
     */
    background: boolean("background").notNull().default(false),
  },
  (t) => [index("outbox_events_pending_idx").on(t.background, t.availableAt, t.id).where(sql`status = 'pending'`)],
);

/** Which handler has already run for which event, so a retry skips the ones that succeeded. */
export const outboxHandlerRuns = pgTable(
  "outbox_handler_runs",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => outboxEvents.id, { onDelete: "cascade" }),
    handler: text("handler").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.handler] })],
);

/** Append-only record of every write: who, what, before and after, when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorKind: text("actor_kind", { enum: ["user", "api_key", "system"] }).notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.id),
  ],
);

/** Fixed-window counters shared by every API process, so a limit holds behind a load balancer. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/**
 * How far each import sent with a progress id has got, on a PostgreSQL server: the import runs in
 * the API process that received the file, and the app's polls may reach another behind a load
 * balancer. The embedded store belongs to one process, which answers from memory.
 */
export const importProgress = pgTable("import_progress", {
  id: uuid("id").primaryKey(),
  /** The digest of the credential that sent the file: only it may read the progress. */
  owner: text("owner").notNull(),
  rowsRead: integer("rows_read").notNull().default(0),
  created: integer("created").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
  done: boolean("done").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
