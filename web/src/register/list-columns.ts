import { formatDate, formatDateTime, formatKronor } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import { formatCustomValue } from "./format-custom-value";
import type { CustomAttribute } from "./types";

/**
 * The columns a list shows only when the user asks for them: a few of the register's own fields
 * and every custom attribute. Each can order the list; the API takes `sort` by the same name.
 */
export interface OptionalColumn {
  /** As the API's `sort` names it: a built-in field, or `custom.<key>`. */
  id: string;
  label: string;
  /** Numbers and amounts are read from the right. */
  numeric: boolean;
  /** The first click shows the largest amounts and the newest records first. */
  firstDescending: boolean;
  group: "register" | "custom";
  attribute?: CustomAttribute;
}

/** What the optional columns read from a row of either list. */
export interface ColumnSource {
  birthDate?: string | null;
  createdAt?: string;
  lastContactAt?: string | null;
  nextContactAt?: string | null;
  revenueSek?: number | null;
  custom: Record<string, unknown>;
}

const CUSTOM_KEY = /^custom\.[a-z][a-z0-9_]{0,39}$/;

/** A list's `sort` with or without its minus is a built-in order or a custom attribute's. */
export function validSort(value: unknown, builtIn: readonly string[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const field = value.replace(/^-/, "");
  return builtIn.includes(field) || CUSTOM_KEY.test(field) ? value : undefined;
}

export function optionalColumns(
  entity: "person" | "organization",
  attributes: readonly CustomAttribute[],
  t: Messages,
): OptionalColumn[] {
  const words = t.listFilters.fields;
  const builtIn: OptionalColumn[] =
    entity === "person"
      ? [
          { id: "birthDate", label: words.birthDate, numeric: false, firstDescending: false, group: "register" },
          { id: "createdAt", label: words.createdAt, numeric: false, firstDescending: true, group: "register" },
          {
            id: "lastContactAt",
            label: words.lastContactAt,
            numeric: false,
            firstDescending: false,
            group: "register",
          },
          {
            id: "nextContactAt",
            label: words.nextContactAt,
            numeric: false,
            firstDescending: false,
            group: "register",
          },
        ]
      : [
          { id: "revenueSek", label: words.revenueSek, numeric: true, firstDescending: true, group: "register" },
          { id: "createdAt", label: words.createdAt, numeric: false, firstDescending: true, group: "register" },
          {
            id: "lastContactAt",
            label: words.lastContactAt,
            numeric: false,
            firstDescending: false,
            group: "register",
          },
          {
            id: "nextContactAt",
            label: words.nextContactAt,
            numeric: false,
            firstDescending: false,
            group: "register",
          },
        ];
  return [
    ...builtIn,
    ...attributes
      .filter((attribute) => !attribute.retired)
      .map((attribute) => {
        const numeric = attribute.type === "number" || attribute.type === "kronor";
        return {
          id: `custom.${attribute.key}`,
          label: attribute.label,
          numeric,
          firstDescending: numeric,
          group: "custom" as const,
          attribute,
        };
      }),
  ];
}

/** The chosen columns that still exist, in the order the list offers them. */
export function shownColumns(available: readonly OptionalColumn[], chosen: readonly string[]): OptionalColumn[] {
  return available.filter((column) => chosen.includes(column.id));
}

/** A row's value in a column, as the list shows it; nothing where it has none. */
export function columnText(column: OptionalColumn, row: ColumnSource, locale: Locale, t: Messages): string {
  if (column.attribute) {
    const value = row.custom[column.attribute.key];
    return value === null || value === undefined || value === ""
      ? ""
      : formatCustomValue(column.attribute, value, locale, t);
  }
  switch (column.id) {
    case "birthDate":
      return row.birthDate ? formatDate(`${row.birthDate}T12:00:00`, locale) : "";
    case "createdAt":
      return row.createdAt ? formatDate(row.createdAt, locale) : "";
    case "lastContactAt":
      return row.lastContactAt ? formatDate(row.lastContactAt, locale) : "";
    case "nextContactAt":
      return row.nextContactAt ? formatDateTime(row.nextContactAt, locale) : "";
    case "revenueSek":
      return row.revenueSek === null || row.revenueSek === undefined ? "" : formatKronor(row.revenueSek, locale);
    default:
      return "";
  }
}

/** A sort that no column shown orders by any more falls back to the list's own order. */
export function sortAfterHiding(sort: string | undefined, hidden: string): string | undefined {
  return sort?.replace(/^-/, "") === hidden ? undefined : sort;
}
