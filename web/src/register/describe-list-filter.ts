import { formatKronor, formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import type { FilterField } from "./filter-fields";
import { type AttributeFilter, type ConsentFilter, parseAttributeFilter, parseConsentFilter } from "./list-filters";

/** A filter in words, as its pill shows it: "Kundnivå är Guld", "Kreditgräns större än 100 000 kr". */
export function describeAttributeFilter(
  filter: AttributeFilter,
  fields: readonly FilterField[],
  t: Messages,
  locale: Locale,
): string {
  const attribute = fields.find((candidate) => candidate.field === filter.field);
  const label = attribute?.label ?? filter.field.replace(/^custom\./, "");
  const words = t.listFilters;
  if (filter.op === "empty" || filter.op === "not_empty") return `${label} ${words.ops[filter.op] ?? filter.op}`;
  const value = filter.value ?? "";
  if (attribute?.type === "boolean") return `${label}: ${value === "true" ? words.yes : words.no}`;
  const shown =
    attribute?.type === "kronor" && Number.isFinite(Number(value))
      ? formatKronor(Number(value), locale)
      : attribute?.type === "number" && Number.isFinite(Number(value))
        ? formatNumber(Number(value), locale)
        : value;
  const op = (attribute?.type === "date" ? words.dateOps[filter.op] : undefined) ?? words.ops[filter.op] ?? filter.op;
  return `${label} ${op} ${shown}`;
}

export function describeConsentFilter(filter: ConsentFilter, t: Messages): string {
  return `${t.listFilters.consentChannel[filter.channel]}: ${t.listFilters.consentStatus[filter.status]}`;
}

/** Each filter of the address with its words, the ones that no longer parse left out. */
export function describedFilters(
  texts: readonly string[] | undefined,
  consents: readonly string[] | undefined,
  fields: readonly FilterField[],
  t: Messages,
  locale: Locale,
): Array<{ kind: "filter" | "consent"; text: string; words: string }> {
  const described: Array<{ kind: "filter" | "consent"; text: string; words: string }> = [];
  for (const text of texts ?? []) {
    const filter = parseAttributeFilter(text);
    if (filter) described.push({ kind: "filter", text, words: describeAttributeFilter(filter, fields, t, locale) });
  }
  for (const text of consents ?? []) {
    const filter = parseConsentFilter(text);
    if (filter) described.push({ kind: "consent", text, words: describeConsentFilter(filter, t) });
  }
  return described;
}
