import { formatDate, formatKronor, formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import type { CustomAttribute } from "./types";

/** A stored custom value as a reader expects it: kronor as kronor, dates the local way. */
export function formatCustomValue(attribute: CustomAttribute, value: unknown, locale: Locale, t: Messages): string {
  if (value === null || value === undefined || value === "") return t.register.none;
  switch (attribute.type) {
    case "number":
      return typeof value === "number" ? formatNumber(value, locale) : String(value);
    case "kronor":
      return typeof value === "number" ? formatKronor(value, locale) : String(value);
    case "date":
      return typeof value === "string" ? formatDate(`${value}T12:00:00`, locale) : String(value);
    case "boolean":
      return value === true ? t.register.yes : value === false ? t.register.no : String(value);
    default:
      return String(value);
  }
}
