import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../../kernel/errors";
import { invalidCursor } from "./cursor";
import { customRangeValue } from "./custom-sort-index";
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
  /**
   * A key with few values (a choice, yes or no), in ascending order, each the key's text and the
   * condition that picks its records, also as a containment the jsonb index answers: each value is
   * then a part of its own, read in the list's tie-break order (see `sortedKeyset`).
   */
  values?: ReadonlyArray<{ text: string; condition: SQL; containment: SQL }>;
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
      return { expression: customRangeValue(customColumn, key, definition.type), type: sql`numeric` };
    case "date":
      return { expression: customRangeValue(customColumn, key, "date"), type: sql`text` };
    case "text":
      return { expression: customRangeValue(customColumn, key, "text"), type: sql`text` };
    case "boolean":
      return {
        expression: sql`(${value})::boolean`,
        type: sql`boolean`,
        values: ["false", "true"].map((text) => ({
          text,
          condition: sql`${customColumn} ->> ${key} = ${text}`,
          containment: sql`${customColumn} @> ${JSON.stringify({ [key]: text === "true" })}::jsonb`,
        })),
      };
    case "choice":
      return {
        expression: sql`array_position(${`{${(definition.choices ?? []).map(arrayElement).join(",")}}`}::text[], ${value})`,
        type: sql`integer`,
        values: (definition.choices ?? []).map((choice, index) => ({
          text: String(index + 1),
          condition: sql`${customColumn} ->> ${key} = ${choice}`,
          containment: sql`${customColumn} @> ${JSON.stringify({ [key]: choice })}::jsonb`,
        })),
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
  /**
   * A part of one value of a few-valued key, its condition in pieces: the value's (`match`), the
   * same as the jsonb index answers it (`containment`), and where the previous page ended.
   */
  byValue?: { match: SQL; containment: SQL; resume: SQL | null };
}

/**
 * Keyset paging over `key` (ascending or descending, records without a value last) with the
 * `tieBreakers` (ascending, unique together) deciding between equal values: the order a user
 * expects ("newest first", and those registered together by name) at a cost that does not grow
 * with the page number. Returns the parts of the list from the cursor on, to be read one after
 * the other until a page is full:
 *
 * - the records with a value, then those without: a range of values in either direction is what
 *   an index on the key serves (a backward scan gives the youngest first), which one order with
 *   `nulls last` over both would not;
 * - for a key of few values (`values`), one part for each value, in the tie-break order: a list of
 *   a million people by tier reads the name index for the first tier's first page instead of
 *   computing and sorting every person's tier (see `readPart` in the people list for how a rare
 *   value is read).
 */
export function sortedKeyset(
  key: TSortKey,
  descending: boolean,
  tieBreakers: readonly SQL[],
  after: TSortCursor | null,
): TKeysetPart[] {
  const tieList = sql.join([...tieBreakers], sql`, `);
  const tiesAfter = after
    ? sql`(${tieList}) > (${sql.join(
        after.t.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : null;
  const withoutValue = key.notNull
    ? []
    : [
        {
          condition:
            after?.k === null && tiesAfter
              ? sql`${key.expression} is null and ${tiesAfter}`
              : sql`${key.expression} is null`,
          order: tieList,
        },
      ];
  if (after?.k === null) return withoutValue;
  if (key.values) {
    const values = descending ? [...key.values].reverse() : key.values;
    const from = after ? values.findIndex((value) => value.text === after.k) : 0;
    // A cursor from another order, or from before the choices changed, would repeat or skip people.
    if (from < 0) throw invalidCursor();
    return [
      ...values.slice(from).map((value, index) => {
        const resume = index === 0 ? tiesAfter : null;
        return {
          condition: resume ? sql`${value.condition} and ${resume}` : value.condition,
          order: tieList,
          byValue: { match: value.condition, containment: value.containment, resume },
        };
      }),
      ...withoutValue,
    ];
  }
  const order = sql`${key.expression} ${descending ? sql`desc` : sql`asc`}, ${tieList}`;
  const present = sql`${key.expression} is not null`;
  if (!after || !tiesAfter) return [{ condition: present, order }, ...withoutValue];
  const value = sql`cast(${after.k} as ${key.type})`;
  const beyond = descending ? sql`${key.expression} < ${value}` : sql`${key.expression} > ${value}`;
  return [
    { condition: sql`${present} and (${beyond} or (${key.expression} = ${value} and ${tiesAfter}))`, order },
    ...withoutValue,
  ];
}
