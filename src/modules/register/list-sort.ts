import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../../kernel/errors";
import type { TCustomAttribute } from "./define-custom-attribute";

/** `custom.<key>`, optionally with a leading minus: a list ordered by a custom attribute. */
export const CUSTOM_SORT = /^-?custom\.[a-z][a-z0-9_]{0,39}$/;

/**
 * The column a list is ordered by: an expression, and the type its text form is read back as,
 * so a cursor holds the exact value (a timestamp's microseconds, a kronor amount's öre) rather
 * than one JavaScript rounded.
 */
export interface TSortKey {
  expression: SQL;
  type: SQL;
  /** The column never holds null: the list is read in one part (see `sortedKeyset`). */
  notNull?: boolean;
}

/**
 * How a custom attribute orders a list: numbers and amounts by value, days by date, no before
 * yes, a choice in the order of its choices (Brons, Silver, Guld), text alphabetically. Records
 * without a value, and a choice since removed, come last either way.
 */
export function customSortKey(sort: string, customColumn: SQL, definitions: readonly TCustomAttribute[]): TSortKey {
  const key = sort.replace(/^-?custom\./, "");
  const definition = definitions.find((candidate) => candidate.key === key);
  if (!definition) {
    throw new AppError("validation_failed", `No custom attribute ${key} is defined`, {
      fields: [{ field: "sort", code: "unknown_attribute", message: `No custom attribute ${key} is defined` }],
    });
  }
  const value = sql`nullif(${customColumn} ->> ${key}, '')`;
  switch (definition.type) {
    case "number":
    case "kronor":
      return { expression: sql`(${value})::numeric`, type: sql`numeric` };
    case "date":
      return { expression: sql`(${value})::date`, type: sql`date` };
    case "boolean":
      return { expression: sql`(${value})::boolean`, type: sql`boolean` };
    case "choice":
      return {
        expression: sql`array_position(${`{${(definition.choices ?? []).map(arrayElement).join(",")}}`}::text[], ${value})`,
        type: sql`integer`,
      };
    default:
      return { expression: value, type: sql`text` };
  }
}

/** A choice as an element of a Postgres array literal: quoted, with its quotes and backslashes escaped. */
const arrayElement = (choice: string) => `"${choice.replace(/[\\"]/g, "\\$&")}"`;

/** Where a page ordered by a sort key ended: the key's value as text (null: no value), then the tie-breakers. */
export const ZSortCursor = z.strictObject({
  k: z.string().nullable(),
  t: z.array(z.string()).max(4),
});
export type TSortCursor = z.infer<typeof ZSortCursor>;

/** One part of a list in key order: its condition beyond the list's own, and its order. */
export interface TKeysetPart {
  condition: SQL;
  order: SQL;
}

/**
 * Keyset paging over `key` (ascending or descending, records without a value last) with the
 * `tieBreakers` (ascending, unique together) deciding between equal values: the order a user
 * expects ("newest first", and those registered together by name) at a cost that does not grow
 * with the page number.
 *
 * The records with a value and those without are two parts, read one after the other: a range
 * of values in either direction is what an index on the key serves (a backward scan gives the
 * youngest first), which one order with `nulls last` over both would not. `withValue` is null
 * when the page starts among the records without one.
 */
export function sortedKeyset(
  key: TSortKey,
  descending: boolean,
  tieBreakers: readonly SQL[],
  after: TSortCursor | null,
): { withValue: TKeysetPart | null; withoutValue: TKeysetPart | null } {
  const tieList = sql.join([...tieBreakers], sql`, `);
  const tiesAfter = after
    ? sql`(${tieList}) > (${sql.join(
        after.t.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : null;
  const withoutValue = key.notNull
    ? null
    : {
        condition:
          after?.k === null && tiesAfter
            ? sql`${key.expression} is null and ${tiesAfter}`
            : sql`${key.expression} is null`,
        order: tieList,
      };
  if (after?.k === null) return { withValue: null, withoutValue };
  const order = sql`${key.expression} ${descending ? sql`desc` : sql`asc`}, ${tieList}`;
  const present = sql`${key.expression} is not null`;
  if (!after || !tiesAfter) return { withValue: { condition: present, order }, withoutValue };
  const value = sql`cast(${after.k} as ${key.type})`;
  const beyond = descending ? sql`${key.expression} < ${value}` : sql`${key.expression} > ${value}`;
  return {
    withValue: { condition: sql`${present} and (${beyond} or (${key.expression} = ${value} and ${tiesAfter}))`, order },
    withoutValue,
  };
}
