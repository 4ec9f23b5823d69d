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

/** The rows the planner counted in a table when it last sampled it: 0 if it never has. */
export async function sampledRowCount(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ rows: number | string }>(
    db,
    sql`select greatest(reltuples, 0)::bigint as rows from pg_class where oid = to_regclass(${table})`,
  );
  return Number(row?.rows ?? 0);
}
