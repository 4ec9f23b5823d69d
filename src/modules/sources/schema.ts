import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A source is one place that sends tracking events (a web site, an app, a server). Its write key
 * goes in HTTP Basic auth as Segment clients send it; only a SHA-256 of the key is stored.
 */
export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["web", "app", "server"] }).notNull(),
    writeKeyPrefix: text("write_key_prefix").notNull(),
    writeKeyHash: text("write_key_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("sources_write_key_idx").on(t.writeKeyHash), index("sources_name_idx").on(t.name)],
);
