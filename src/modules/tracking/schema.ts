import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const SEGMENT_TYPES = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type TSegmentType = (typeof SEGMENT_TYPES)[number];

/**
 * Raw tracked events, append-only. Payloads are `json`, not `jsonb`: they are written at tens of
 * thousands a second and read back whole, never searched inside by SQL, and `json` is stored as
 * sent without being taken apart. The migration creates this table partitioned by month of
 * `received_at` (retention drops whole partitions); drizzle only needs its columns to query it.
 * There is no primary key: a partitioned table's keys must include the partition column, and
 * `message_id` uniqueness is kept in `tracked_message_ids` instead, across partitions.
 */
export const trackedEvents = pgTable(
  "tracked_events",
  {
    id: uuid("id").notNull(),
    sourceId: uuid("source_id").notNull(),
    messageId: text("message_id").notNull(),
    type: text("type", { enum: SEGMENT_TYPES }).notNull(),
    /** The event name of a track call, the page or screen name of page and screen calls. */
    name: text("name"),
    anonymousId: text("anonymous_id"),
    userId: text("user_id"),
    personId: uuid("person_id"),
    groupId: text("group_id"),
    /** The client's time corrected for its clock skew (Segment's `timestamp`). */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    originalTimestamp: timestamp("original_timestamp", { withTimezone: true }),
    properties: json("properties").$type<Record<string, unknown>>(),
    traits: json("traits").$type<Record<string, unknown>>(),
    context: json("context").$type<Record<string, unknown>>(),
    integrations: json("integrations").$type<Record<string, unknown>>(),
    enrichment: json("enrichment").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("tracked_events_person_idx")
      .on(t.personId, t.occurredAt.desc(), t.id.desc())
      .where(sql`person_id is not null`),
    // Ids are UUIDv7 of the receiving time, so id order is arrival order: the stream and the
    // debugger page by id.
    index("tracked_events_id_idx").on(t.id),
    index("tracked_events_source_idx").on(t.sourceId, t.id.desc()),
    index("tracked_events_anonymous_idx").on(t.anonymousId).where(sql`person_id is null and anonymous_id is not null`),
    index("tracked_events_user_idx").on(t.userId).where(sql`person_id is null and user_id is not null`),
  ],
);

/** One row per accepted message: a repeated `messageId` from the same source is stored once. */
export const trackedMessageIds = pgTable(
  "tracked_message_ids",
  {
    sourceId: uuid("source_id").notNull(),
    messageId: text("message_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  // No index on received_at: one more write per event, to save the daily prune a scan.
  (t) => [primaryKey({ columns: [t.sourceId, t.messageId] })],
);

export const IDENTITY_KINDS = ["anonymous", "user"] as const;

/** Which person an anonymous id or a user id belongs to, once identify or alias has told us. */
export const trackingIdentities = pgTable(
  "tracking_identities",
  {
    kind: text("kind", { enum: IDENTITY_KINDS }).notNull(),
    value: text("value").notNull(),
    personId: uuid("person_id").notNull(),
    sourceId: uuid("source_id").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
    /** The message that made the link, so "why is this device Stig's?" has an answer. */
    messageId: text("message_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.value] }), index("tracking_identities_person_idx").on(t.personId)],
);

export const CONFLICT_STATUSES = ["open", "resolved"] as const;

/** Identities that point at two people. They are flagged for a person to decide, never merged. */
export const identityConflicts = pgTable(
  "identity_conflicts",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind", { enum: IDENTITY_KINDS }).notNull(),
    value: text("value").notNull(),
    linkedPersonId: uuid("linked_person_id").notNull(),
    claimedPersonId: uuid("claimed_person_id").notNull(),
    reason: text("reason").notNull(),
    sourceId: uuid("source_id").notNull(),
    messageId: text("message_id").notNull(),
    status: text("status", { enum: CONFLICT_STATUSES }).notNull().default("open"),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by"),
  },
  (t) => [index("identity_conflicts_status_idx").on(t.status, t.detectedAt.desc())],
);

/** Rejected requests, kept a short while for the per-source debugger. */
export const trackingRejections = pgTable(
  "tracking_rejections",
  {
    id: uuid("id").primaryKey(),
    sourceId: uuid("source_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    code: text("code").notNull(),
    detail: text("detail").notNull(),
    field: text("field"),
    /** The start of the offending payload, for the debugger; never more than a few kB. */
    excerpt: text("excerpt"),
    ip: text("ip"),
  },
  (t) => [index("tracking_rejections_source_idx").on(t.sourceId, t.receivedAt.desc())],
);

export const TRAIT_AGGREGATES = ["count", "sum", "min", "max", "avg"] as const;
export const TRAIT_FILTER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "exists"] as const;

export interface TTraitFilter {
  property: string;
  op: (typeof TRAIT_FILTER_OPS)[number];
  value?: string | number | boolean | Array<string | number>;
}

/** An admin's definition of a windowed per-person aggregate over events. */
export const computedTraits = pgTable("computed_traits", {
  id: uuid("id").primaryKey(),
  /** The name rules use, e.g. `complaint_calls_90d`. */
  key: text("key").notNull().unique(),
  label: text("label").notNull(),
  eventType: text("event_type", { enum: ["track", "page", "screen"] }).notNull(),
  /** The track event or page name; null counts every event of the type. */
  eventName: text("event_name"),
  filters: jsonb("filters").$type<TTraitFilter[]>().notNull().default([]),
  aggregate: text("aggregate", { enum: TRAIT_AGGREGATES }).notNull(),
  /** The numeric property summed, minimised or maximised; null for count. */
  property: text("property"),
  windowDays: integer("window_days").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  /** Set once retained raw events have been folded in. */
  backfilledAt: timestamp("backfilled_at", { withTimezone: true }),
});

/**
 * Daily buckets of every computed trait per subject: a person's id, or `a:<anonymousId>` until
 * the visitor is identified (the buckets then move to the person). Buckets outlive raw events.
 */
export const computedTraitBuckets = pgTable(
  "computed_trait_buckets",
  {
    traitId: uuid("trait_id").notNull(),
    subject: text("subject").notNull(),
    day: date("day").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    sum: doublePrecision("sum").notNull(),
    min: doublePrecision("min"),
    max: doublePrecision("max"),
  },
  (t) => [
    // Subject first: the key serves the per-person reads and the moves at identify, so no second
    // index has to be kept up at every upsert.
    primaryKey({ columns: [t.subject, t.traitId, t.day] }),
  ],
);
