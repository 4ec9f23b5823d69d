import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Facts, FieldDef } from "../../lib/rules";

interface OrderFacts {
  open_sek: number;
  total_sek: number;
  count: number;
  last_order_at: Date | null;
}

/** Each person's figures, read from `person_order_facts`, which triggers on `orders` keep current. */
export async function loadOrderFacts(ctx: Ctx, ids: readonly string[]): Promise<Map<string, OrderFacts>> {
  const result = new Map<string, OrderFacts>(
    ids.map((id) => [id, { open_sek: 0, total_sek: 0, count: 0, last_order_at: null }]),
  );
  if (ids.length === 0) return result;
  const rows = await queryRows<{
    person_id: string;
    open_sek: string;
    total_sek: string;
    count: number;
    last_order_at: Date | string | null;
  }>(
    ctx.db,
    sql`select person_id, open_sek, total_sek, count, last_order_at from person_order_facts
        where person_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`,
  );
  for (const row of rows) {
    result.set(row.person_id, {
      open_sek: Number(row.open_sek),
      total_sek: Number(row.total_sek),
      count: Number(row.count),
      last_order_at: row.last_order_at ? new Date(row.last_order_at) : null,
    });
  }
  return result;
}

/**
 * Joined onto `people p` when a rule over the whole base reads order facts: a plain table of one
 * row per person with orders, where aggregating every order over a million people cost a third
 * of the whole query.
 */
export const orderJoin = async (_ctx: unknown, _now: Date, _keys: readonly string[], required = false) =>
  sql`${required ? sql`join` : sql`left join`} person_order_facts o on o.person_id = p.id`;

const orders = (facts: Facts) => facts.orders as OrderFacts | null | undefined;

/** Open order value, lifetime value, order count and last order date. */
export function orderRuleFields(): FieldDef[] {
  return [
    {
      key: "orders.open_sek",
      label: "Open orders (kr)",
      type: "kronor",
      group: "orders",
      js: (facts) => orders(facts)?.open_sek ?? 0,
      sql: () => sql`coalesce(o.open_sek, 0)`,
    },
    {
      key: "orders.total_sek",
      label: "Ordered in all (kr)",
      type: "kronor",
      group: "orders",
      js: (facts) => orders(facts)?.total_sek ?? 0,
      sql: () => sql`coalesce(o.total_sek, 0)`,
    },
    {
      key: "orders.count",
      label: "Number of orders",
      type: "number",
      group: "orders",
      js: (facts) => orders(facts)?.count ?? 0,
      sql: () => sql`coalesce(o.count, 0)`,
    },
    {
      key: "orders.last_order_at",
      label: "Last order",
      type: "timestamp",
      group: "orders",
      js: (facts) => orders(facts)?.last_order_at ?? null,
      sql: () => sql`o.last_order_at`,
    },
  ];
}
