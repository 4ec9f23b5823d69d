import { sql } from "drizzle-orm";
import { queryRows } from "./rows";
import type { Db } from "./types";

/**
 * Has the database sample tables again (ANALYZE) after writes changed their size or their
 * values. The planner judges a query by these samples: a table it has never sampled it takes for
 * almost empty, with every value rare.
 */
export async function resampleTables(db: Db, tables: readonly string[]): Promise<void> {
  await db.execute(sql.raw(`analyze ${tables.map((table) => `"${table}"`).join(", ")}`));
}

/** The rows the planner counted in the tables, together, when it last sampled them: 0 for one it never has. */
export async function sampledRowCount(db: Db, tables: readonly string[]): Promise<number> {
  const [row] = await queryRows<{ rows: number | string }>(
    db,
    sql`select coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint as rows
        from jsonb_array_elements_text(${JSON.stringify(tables)}::jsonb) as t(name)
        join pg_class c on c.oid = to_regclass(t.name)`,
  );
  return Number(row?.rows ?? 0);
}
