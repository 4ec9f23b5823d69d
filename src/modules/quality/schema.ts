import { sql } from "drizzle-orm";
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The matcher's settings: one row, id `default`. Absent means the built-in defaults. */
export const matchSettings = pgTable("match_settings", {
  id: text("id").primaryKey(),
  /** A lib/match MatchModel: m and u per comparison level, prior and thresholds. */
  model: jsonb("model").$type<Record<string, unknown>>().notNull(),
  /** Per register field the survivorship rule, and the trust of each source system. */
  survivorship: jsonb("survivorship").$type<Record<string, unknown>>().notNull(),
  /** `admin` when set by hand, `estimated` when m and u came from the data (EM). */
  origin: text("origin", { enum: ["default", "admin", "estimated"] }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by"),
});

export const CANDIDATE_STATUSES = ["open", "merged", "distinct"] as const;

/** Pairs the matcher found worth a person's look, and pairs decided since. */
export const matchCandidates = pgTable(
  "match_candidates",
  {
    id: uuid("id").primaryKey(),
    /** The pair in id order, so a pair is stored once whichever record arrived first. */
    personA: uuid("person_a").notNull(),
    personB: uuid("person_b").notNull(),
    probability: doublePrecision("probability").notNull(),
    weight: doublePrecision("weight").notNull(),
    outcome: text("outcome", { enum: ["auto_merge", "review", "distinct"] }).notNull(),
    /** The field-by-field comparison (lib/match PairScore.fields). */
    comparison: jsonb("comparison").$type<unknown[]>().notNull(),
    status: text("status", { enum: CANDIDATE_STATUSES }).notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
  },
  (t) => [
    uniqueIndex("match_candidates_pair_idx").on(t.personA, t.personB),
    index("match_candidates_open_idx").on(t.status, t.probability.desc()).where(sql`status = 'open'`),
  ],
);

/** Every merge with what it changed, so it can be explained and undone. */
export const merges = pgTable(
  "merges",
  {
    id: uuid("id").primaryKey(),
    survivorId: uuid("survivor_id").notNull(),
    mergedId: uuid("merged_id").notNull(),
    candidateId: uuid("candidate_id"),
    /** `auto` when the matcher merged on its own, `person` when someone chose to. */
    decidedBy: text("decided_by", { enum: ["auto", "person"] }).notNull(),
    /** What each module moved or changed: the register's snapshot, moved activity ids, … */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull(),
    mergedByUser: uuid("merged_by_user"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: uuid("undone_by"),
  },
  (t) => [index("merges_survivor_idx").on(t.survivorId), index("merges_merged_idx").on(t.mergedId)],
);
