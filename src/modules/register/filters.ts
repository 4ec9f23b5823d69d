import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { FieldErrors } from "../../kernel/field-errors";
import { coerce, isCalendarDate } from "./custom-values";
import type { TCustomAttribute } from "./define-custom-attribute";

export const FILTER_OPS = ["eq", "ne", "gt", "gte", "lt", "lte", "contains", "empty", "not_empty"] as const;

export const ZFilter = z.object({
  /** A built-in field (surname, givenNames, greetingName, birthDate, language, timeZone) or custom.<key>. */
  field: z.string().max(60),
  op: z.enum(FILTER_OPS),
  value: z.string().max(200).optional(),
});
export type TFilter = z.infer<typeof ZFilter>;

const BUILT_IN: Record<string, { column: SQL; type: "text" | "date" }> = {
  surname: { column: sql`p.surname`, type: "text" },
  givenNames: { column: sql`p.given_names`, type: "text" },
  greetingName: { column: sql`p.greeting_name`, type: "text" },
  birthDate: { column: sql`p.birth_date`, type: "date" },
  language: { column: sql`p.language`, type: "text" },
  timeZone: { column: sql`p.time_zone`, type: "text" },
};

const COMPARISON: Record<string, SQL> = {
  eq: sql`=`,
  ne: sql`<>`,
  gt: sql`>`,
  gte: sql`>=`,
  lt: sql`<`,
  lte: sql`<=`,
};

/** Turns one filter into a parameterised condition on `people p`, or records why it cannot. */
export function filterCondition(
  filter: TFilter,
  definitions: readonly TCustomAttribute[],
  field: string,
  errors: FieldErrors,
): SQL | null {
  let column: SQL;
  let value: unknown = filter.value;
  let cast = sql``;
  if (filter.field.startsWith("custom.")) {
    const key = filter.field.slice(7);
    const definition = definitions.find((candidate) => candidate.key === key);
    if (!definition) {
      errors.add(`${field}.field`, "unknown_attribute", `No custom attribute ${key} is defined`);
      return null;
    }
    column = sql`(p.custom ->> ${key})`;
    if (filter.value !== undefined && filter.op !== "contains") {
      value = coerce(definition, filter.value);
      if (value === undefined) {
        errors.add(`${field}.value`, `invalid_${definition.type}`, `Not a valid ${definition.type}`);
        return null;
      }
    }
    if (definition.type === "number" || definition.type === "kronor") cast = sql`::numeric`;
    if (definition.type === "date") cast = sql`::date`;
    if (definition.type === "boolean") cast = sql`::boolean`;
  } else {
    const builtIn = BUILT_IN[filter.field];
    if (!builtIn) {
      errors.add(`${field}.field`, "unknown_field", `Cannot filter on ${filter.field}`);
      return null;
    }
    column = builtIn.column;
    if (builtIn.type === "date") {
      cast = sql`::date`;
      if (filter.value !== undefined && filter.op !== "contains" && !isCalendarDate(filter.value)) {
        errors.add(`${field}.value`, "invalid_date", "A date such as 1980-04-17");
        return null;
      }
    }
  }
  if (filter.op === "empty") return sql`(${column} is null or ${column}::text = '')`;
  if (filter.op === "not_empty") return sql`(${column} is not null and ${column}::text <> '')`;
  if (value === undefined) {
    errors.add(`${field}.value`, "required", `The ${filter.op} filter needs a value`);
    return null;
  }
  if (filter.op === "contains") return sql`${column} ilike ${`%${String(value).replace(/[\\%_]/g, "\\$&")}%`}`;
  const operator = COMPARISON[filter.op];
  if (!operator) return null;
  return sql`${column}${cast} ${operator} ${String(value)}${cast}`;
}
