import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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

/**
 * Updates many rows with one statement, as `insertJsonRows` inserts them: each row names its key
 * and the columns it sets, all rows the same columns; `columns` maps each to its PostgreSQL type.
 */
export async function updateJsonRows(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: ReadonlyArray<object>,
  key = "id",
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns).filter((name) => name !== key);
  const assignments = sql.raw(names.map((name) => `"${name}" = x."${name}"`).join(", "));
  const definitions = sql.raw(
    [key, ...names].map((name) => `"${name}" ${name === key ? (columns[key] ?? "uuid") : columns[name]}`).join(", "),
  );
  await db.execute(
    sql`update ${sql.identifier(table)} as t set ${assignments} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${definitions}) where t.${sql.identifier(key)} = x.${sql.identifier(key)}`,
  );
}

/** Characters COPY's text format gives a meaning: each written as its escape. */
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_SPECIAL_TEST = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function copyField(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type === "json" || type === "jsonb") {
    // JSON text never holds a raw tab or line break (JSON escapes them): only backslashes to double.
    const text = JSON.stringify(value);
    return text.includes("\\") ? text.replaceAll("\\", "\\\\") : text;
  }
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "boolean"
        ? value
          ? "t"
          : "f"
        : Array.isArray(value)
          ? arrayLiteral(value)
          : String(value);
  return COPY_SPECIAL_TEST.test(text) ? text.replace(COPY_SPECIAL, (special) => COPY_ESCAPES[special] as string) : text;
}

/** A one-dimensional array as PostgreSQL writes it: `{1,2}`, `{"a b","c\\"d",NULL}`. */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((element) => {
    if (element === null || element === undefined) return "NULL";
    if (typeof element === "number") return String(element);
    return `"${String(element).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

/**
 * The pg client under a node-postgres transaction, or null (PGlite, or not in a transaction).
 * Exported for the test that holds drizzle's internals to what this reads.
 */
export function copyClient(db: Db): pg.Client | null {
  // drizzle's NodePgTransaction holds its session, whose client is the checked-out pool client.
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/**
 * PostgreSQL error codes after which a bulk write that lost a race is written again, once the
 * other writer has committed: both created one record (a unique violation), or a deadlock or
 * serialisation failure broke the tie by failing this one. The other has committed by the time
 * PostgreSQL reports it, so the write again finds what it wrote.
 */
const WRITE_AGAIN = new Set(["23505", "40P01", "40001"]);

export function isWriteCollision(error: unknown): boolean {
  return WRITE_AGAIN.has((error as { code?: string } | null)?.code ?? "");
}

/**
 * Runs a bulk write, whose transaction (or savepoint) is taken back whole when it fails, and
 * runs it again after a collision with another writer (see isWriteCollision), a few times at most.
 */
export async function writeAgainAfterCollision<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isWriteCollision(error)) throw error;
    }
  }
}

/**
 * How many transactions of one bulk write may run at once: two on a PostgreSQL server (a
 * backend per core), one on the embedded store, whose one connection takes a query at a time.
 */
export function concurrentWriters(db: Db): number {
  return (db as unknown as { $client?: unknown }).$client instanceof pg.Pool ? 2 : 1;
}

/**
 * Inserts many rows as `insertJsonRows` does, through COPY where the database is a PostgreSQL
 * server and `db` is a transaction: the server then reads each value once, where unpacking a
 * JSON array of rows parsed every payload twice and cost PostgreSQL more than storing it. The
 * embedded store, and callers outside a transaction, take `insertJsonRows`. No conflict clause:
 * COPY has none.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: ReadonlyArray<Record<string, unknown>>,
  format: "jsonb" | "json" = "jsonb",
): Promise<void> {
  if (rows.length === 0) return;
  const client = copyClient(db);
  if (client === null) return insertJsonRows(db, table, columns, rows, sql``, format);
  const names = Object.keys(columns);
  const types = names.map((name) => columns[name] as string);
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    let line = "";
    for (let c = 0; c < names.length; c++) {
      if (c > 0) line += "\t";
      line += copyField(row[names[c] as string], types[c] as string);
    }
    lines[r] = line;
  }
  const stream = client.query(copyFrom(`copy "${table}" (${names.map((name) => `"${name}"`).join(", ")}) from stdin`));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
    stream.end(`${lines.join("\n")}\n`);
  });
}
