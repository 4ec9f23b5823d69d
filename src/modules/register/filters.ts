import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { FieldErrors } from "../../kernel/field-errors";
import { coerce, isCalendarDate } from "./custom-values";
import type { TCustomAttribute } from "./define-custom-attribute";

export const FILTER_OPS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "not_contains",
  "empty",
  "not_empty",
] as const;

export const ZFilter = z.strictObject({
  /** A built-in field of the list (see docs/register.md) or custom.<key>. */
  field: z.string().max(60),
  op: z.enum(FILTER_OPS),
  value: z.string().max(200).optional(),
});
export type TFilter = z.infer<typeof ZFilter>;

/**
 * How a built-in field is compared. `presence` fields answer only empty/not_empty: the list
 * says who has a personnummer, it is not a way to look one up. `timestamp` fields are compared
 * by their calendar day in Swedish time, the day a user sees in the app.
 */
export type TFilterField =
  | { column: SQL; type: "text" | "date" | "timestamp" | "number" | "uuid" | "presence" }
  | { column: SQL; type: "enum"; values: readonly string[] };

/** The register's dates are Swedish days: a person created at 00:30 on 2 March belongs to that day. */
const REGISTER_ZONE = "Europe/Stockholm";

const COMPARISON: Record<string, SQL> = {
  eq: sql`=`,
  ne: sql`<>`,
  gt: sql`>`,
  gte: sql`>=`,
  lt: sql`<`,
  lte: sql`<=`,
};

const ORDERED_OPS = new Set(["gt", "gte", "lt", "lte"]);
const TEXT_OPS = new Set(["contains", "not_contains"]);
const PRESENCE_OPS = new Set(["empty", "not_empty"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

interface Resolved {
  column: SQL;
  /** What the value is compared as; `text` is compared as it is. */
  kind: "text" | "number" | "date" | "boolean" | "uuid";
  value: string | undefined;
  /** Ordered comparisons make sense (numbers and dates, and text by its collation). */
  ordered: boolean;
}

/**
 * Turns one filter into a parameterised condition, or records why it cannot. `fields` are the
 * list's built-in fields, `customColumn` the record's custom attributes (jsonb).
 *
 * Negative operators (`ne`, `not_contains`) include the records that hold no value: "everyone
 * except Guld" is everyone whose tier is not Guld, those without a tier too. `gt`/`lt` and the
 * like never match a missing value.
 */
export function filterCondition(
  filter: TFilter,
  fields: Readonly<Record<string, TFilterField>>,
  customColumn: SQL,
  definitions: readonly TCustomAttribute[],
  field: string,
  errors: FieldErrors,
): SQL | null {
  const resolved = filter.field.startsWith("custom.")
    ? resolveCustom(filter, customColumn, definitions, field, errors)
    : resolveBuiltIn(filter, fields, field, errors);
  if (!resolved) return null;
  const { column, kind } = resolved;
  const missing = kind === "text" ? sql`(${column} is null or ${column}::text = '')` : sql`(${column} is null)`;
  if (filter.op === "empty") return missing;
  if (filter.op === "not_empty") return sql`not ${missing}`;
  if (resolved.value === undefined) {
    errors.add(`${field}.value`, "required", `The ${filter.op} filter needs a value`);
    return null;
  }
  if (TEXT_OPS.has(filter.op)) {
    if (kind !== "text") {
      errors.add(`${field}.op`, "invalid_operator", `${filter.field} is not text: use eq, ne, gt, gte, lt or lte`);
      return null;
    }
    const pattern = `%${resolved.value.replace(/[\\%_]/g, "\\$&")}%`;
    return filter.op === "contains"
      ? sql`${column} ilike ${pattern}`
      : sql`(${missing} or ${column} not ilike ${pattern})`;
  }
  if (ORDERED_OPS.has(filter.op) && !resolved.ordered) {
    errors.add(`${field}.op`, "invalid_operator", `${filter.field} takes eq, ne, empty and not_empty`);
    return null;
  }
  const cast = { text: sql``, number: sql`::numeric`, date: sql`::date`, boolean: sql`::boolean`, uuid: sql`::uuid` }[
    kind
  ];
  const comparison = sql`${column}${cast} ${COMPARISON[filter.op] ?? sql`=`} ${resolved.value}${cast}`;
  return filter.op === "ne" ? sql`(${missing} or ${comparison})` : comparison;
}

function resolveCustom(
  filter: TFilter,
  customColumn: SQL,
  definitions: readonly TCustomAttribute[],
  field: string,
  errors: FieldErrors,
): Resolved | null {
  const key = filter.field.slice(7);
  const definition = definitions.find((candidate) => candidate.key === key);
  if (!definition) {
    errors.add(`${field}.field`, "unknown_attribute", `No custom attribute ${key} is defined`);
    return null;
  }
  const column = sql`(${customColumn} ->> ${key})`;
  let value = filter.value;
  if (value !== undefined && !TEXT_OPS.has(filter.op)) {
    const typed = coerce(definition, value);
    if (typed === undefined) {
      errors.add(`${field}.value`, `invalid_${definition.type}`, `Not a valid ${definition.type}`);
      return null;
    }
    value = String(typed);
  }
  const kind =
    definition.type === "number" || definition.type === "kronor"
      ? "number"
      : definition.type === "date"
        ? "date"
        : definition.type === "boolean"
          ? "boolean"
          : "text";
  return { column, kind, value, ordered: kind !== "boolean" };
}

function resolveBuiltIn(
  filter: TFilter,
  fields: Readonly<Record<string, TFilterField>>,
  field: string,
  errors: FieldErrors,
): Resolved | null {
  const builtIn = Object.hasOwn(fields, filter.field) ? fields[filter.field] : undefined;
  if (!builtIn) {
    errors.add(
      `${field}.field`,
      "unknown_field",
      `Cannot filter on ${filter.field}; the fields are ${Object.keys(fields).join(", ")} and custom.<key>`,
    );
    return null;
  }
  const value = filter.value;
  // The value compared with, when the operator compares one (not empty/not_empty/contains).
  const compared = value !== undefined && !PRESENCE_OPS.has(filter.op) && !TEXT_OPS.has(filter.op) ? value : null;
  const refuse = (at: "op" | "value", code: string, message: string) => {
    errors.add(`${field}.${at}`, code, message);
    return null;
  };
  switch (builtIn.type) {
    case "presence":
      if (!PRESENCE_OPS.has(filter.op)) {
        return refuse("op", "invalid_operator", `${filter.field} takes empty and not_empty`);
      }
      return { column: builtIn.column, kind: "text", value, ordered: false };
    case "enum":
      if (compared !== null && !builtIn.values.includes(compared)) {
        return refuse("value", "invalid_enum_value", `One of ${builtIn.values.join(", ")}`);
      }
      return { column: builtIn.column, kind: "text", value, ordered: false };
    case "uuid":
      if (TEXT_OPS.has(filter.op))
        return refuse("op", "invalid_operator", `${filter.field} takes eq, ne, empty and not_empty`);
      if (compared !== null && !UUID.test(compared))
        return refuse("value", "invalid_uuid", "An id, as the API gives it");
      return { column: builtIn.column, kind: "uuid", value, ordered: false };
    case "number":
      if (compared !== null && !NUMBER.test(compared))
        return refuse("value", "invalid_number", "A number, such as 250");
      return { column: builtIn.column, kind: "number", value, ordered: true };
    case "date":
    case "timestamp": {
      if (compared !== null && !isCalendarDate(compared)) {
        return refuse("value", "invalid_date", "A date such as 1980-04-17");
      }
      const column =
        builtIn.type === "timestamp" ? sql`(${builtIn.column} at time zone ${REGISTER_ZONE})::date` : builtIn.column;
      return { column, kind: "date", value, ordered: true };
    }
    default:
      return { column: builtIn.column, kind: "text", value, ordered: true };
  }
}

/**
 * An equality filter on a custom choice, text or yes/no attribute as a containment, which the
 * jsonb index on the custom values answers: `custom.niva:eq:Guld` → `custom @> {"niva":"Guld"}`.
 * The same records as `filterCondition`'s; null for any other filter. A list uses it to find the
 * few people of a rare value without reading the whole register in name order.
 */
export function filterContainment(
  filter: TFilter,
  customColumn: SQL,
  definitions: readonly TCustomAttribute[],
): SQL | null {
  if (filter.op !== "eq" || !filter.field.startsWith("custom.") || filter.value === undefined) return null;
  const key = filter.field.slice(7);
  const definition = definitions.find((candidate) => candidate.key === key);
  if (!definition || !["choice", "text", "boolean"].includes(definition.type)) return null;
  const value = coerce(definition, filter.value);
  if (value === undefined) return null;
  // The value as filterCondition compares it: a choice as defined, text trimmed, yes/no a boolean.
  return sql`${customColumn} @> ${JSON.stringify({ [key]: value })}::jsonb`;
}
