import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./types";

/**
 * Inserts many rows with one statement and one parameter: the rows travel as a JSON array that
 * PostgreSQL unpacks with jsonb_to_recordset. For imports this is several times faster than a
 * multi-row VALUES list, whose statement building costs more than the insert itself.
 *
 * `columns` maps each column name to its PostgreSQL type; rows are keyed by column name.
 */
export async function insertJsonRows(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: ReadonlyArray<object>,
  onConflict: SQL = sql``,
  /** `json` skips building binary JSON for the whole batch: cheaper when nothing is stored as jsonb. */
  format: "jsonb" | "json" = "jsonb",
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  const definitions = sql.raw(names.map((name) => `"${name}" ${columns[name]}`).join(", "));
  await db.execute(
    format === "json"
      ? sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${definitions}) ${onConflict}`
      : sql`insert into ${sql.identifier(table)} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${definitions}) ${onConflict}`,
  );
}
