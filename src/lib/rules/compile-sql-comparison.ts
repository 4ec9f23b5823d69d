import { type SQL, sql } from "drizzle-orm";
import type { Operator, RelativeSpan } from "./condition";
import type { FieldDef, FieldType } from "./field-def";
import { DATE_SCALE, TIMESTAMP_SCALE } from "./time-scale";

// Explicit casts: an untyped parameter would let PostgreSQL guess (length(unknown) is ambiguous),
// and a numeric parameter compares exactly with integer, bigint and numeric columns alike.
const CASTS: Readonly<Record<FieldType, string>> = {
  number: "numeric",
  kronor: "numeric",
  text: "text",
  choice: "text",
  boolean: "boolean",
  date: "date",
  timestamp: "timestamptz",
};

/**
 * One validated comparison as a boolean that is never NULL: `coalesce(…, false)` keeps SQL's
 * unknown from leaking into `not`, so a missing value behaves as in `compileJs`.
 */
export function compileSqlComparison(def: FieldDef, op: Operator, value: unknown, now: Date, nowSql: SQL): SQL {
  if (!def.sql) throw new Error(`Field "${def.key}" exists only per event and has no SQL form`);
  const expr = sql`(${def.sql(nowSql)})`;
  if (op === "is_set") return sql`(${expr} is not null)`;
  if (op === "is_not_set") return sql`(${expr} is null)`;
  return sql`coalesce(${compare(def.type, op, value, expr, now)}, false)`;
}

function compare(type: FieldType, op: Operator, value: unknown, expr: SQL, now: Date): SQL {
  const constant = (v: unknown): SQL => sql`${literal(type, v)}::${sql.raw(CASTS[type])}`;
  switch (op) {
    case "eq":
      return sql`${expr} = ${constant(value)}`;
    case "neq":
      return sql`${expr} <> ${constant(value)}`;
    case "gt":
    case "after":
      return sql`${expr} > ${constant(value)}`;
    case "gte":
      return sql`${expr} >= ${constant(value)}`;
    case "lt":
    case "before":
      return sql`${expr} < ${constant(value)}`;
    case "lte":
      return sql`${expr} <= ${constant(value)}`;
    case "between": {
      const [lo, hi] = value as [unknown, unknown];
      return sql`${expr} between ${constant(lo)} and ${constant(hi)}`;
    }
    case "in":
      return sql`${expr} in (${sql.join((value as unknown[]).map(constant), sql`, `)})`;
    case "not_in":
      return sql`${expr} not in (${sql.join((value as unknown[]).map(constant), sql`, `)})`;
    case "contains":
      return sql`strpos(${expr}, ${constant(value)}) > 0`;
    case "starts_with":
      return sql`left(${expr}, length(${constant(value)})) = ${constant(value)}`;
    case "within_last":
    case "more_than_ago": {
      // The window is computed here, by the same code `compileJs` uses, and bound as constants.
      const scale = type === "date" ? DATE_SCALE : TIMESTAMP_SCALE;
      const end = scale.current(now.getTime());
      const start = end - scale.units(value as RelativeSpan);
      const point = (at: number): SQL => sql`${scale.format(at)}::${sql.raw(scale.sqlType)}`;
      return op === "within_last"
        ? sql`${expr} between ${point(start)} and ${point(end)}`
        : sql`${expr} < ${point(start)}`;
    }
    default:
      throw new Error(`"${op}" has no SQL form`);
  }
}

/** The constant as the text PostgreSQL parses into the cast type; timestamps normalised to UTC. */
function literal(type: FieldType, value: unknown): string {
  if (type === "timestamp") return TIMESTAMP_SCALE.format(TIMESTAMP_SCALE.parse(value as string) ?? Number.NaN);
  if (type === "date") return DATE_SCALE.format(DATE_SCALE.parse(value as string) ?? Number.NaN);
  return String(value);
}
