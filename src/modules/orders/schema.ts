import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ORDER_STATUSES = [
  "open",
  "confirmed",
  "shipped",
  "delivered",
  "invoiced",
  "paid",
  "cancelled",
  "returned",
] as const;
/** Orders the customer is still waiting for or has not paid: what "open orders" means in rules. */
export const OPEN_ORDER_STATUSES = ["open", "confirmed", "shipped", "invoiced"] as const;

export interface TOrderLine {
  sku: string | null;
  description: string;
  quantity: number;
  unitPriceSek: number;
}

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id"),
    organizationId: uuid("organization_id"),
    number: text("number"),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    /** Total in kronor including VAT, to the öre. */
    totalSek: numeric("total_sek", { precision: 14, scale: 2, mode: "number" }).notNull(),
    currency: text("currency").notNull().default("SEK"),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull(),
    lines: jsonb("lines").$type<TOrderLine[]>().notNull().default([]),
    sourceSystem: text("source_system").notNull(),
    externalId: text("external_id"),
    /** The seller who recorded the order, and their team: whose "own" and "team" it is. */
    ownerId: uuid("owner_id"),
    ownerTeamId: uuid("owner_team_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("orders_person_time_idx").on(t.personId, t.orderedAt.desc(), t.id.desc()),
    index("orders_org_time_idx").on(t.organizationId, t.orderedAt.desc()),
    uniqueIndex("orders_external_idx").on(t.sourceSystem, t.externalId).where(sql`external_id is not null`),
  ],
);

/**
 * Each person's order figures, kept by triggers on `orders` in the same transaction as every
 * order write (import, API, merge, unmerge, erasure alike): what rules read, per event by key and
 * over the whole base as a plain table instead of an aggregate of every order.
 */
export const personOrderFacts = pgTable("person_order_facts", {
  personId: uuid("person_id").primaryKey(),
  openSek: numeric("open_sek", { precision: 16, scale: 2, mode: "number" }).notNull(),
  totalSek: numeric("total_sek", { precision: 16, scale: 2, mode: "number" }).notNull(),
  count: integer("count").notNull(),
  lastOrderAt: timestamp("last_order_at", { withTimezone: true }),
});
