import type { Locale } from "../i18n/locale";
import type { CustomAttribute } from "./types";

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * A number as people type or paste it, as a plain decimal the API reads exactly ("-1234.5"), or
 * null when it is not one. Spaces group digits; the minus may be the sign the app itself prints
 * (U+2212, as in "−1 234,50 kr"). Swedish takes a decimal comma or point; English groups with
 * commas and takes a decimal point. Exponents, letters and blanks are not numbers.
 */
export function parseDecimalInput(text: string, locale: Locale, { kronor = false } = {}): string | null {
  let compact = text.replace(SPACES, "").replace(/^[\u2212\u2013]/, "-");
  if (kronor) compact = compact.replace(/(kr|sek)\.?$/i, "");
  if (locale === "en" && compact.includes(",")) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(compact)) return null;
    compact = compact.replaceAll(",", "");
  } else if (locale === "sv") {
    compact = compact.replace(",", ".");
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const [whole = "", fraction = ""] = compact.replace(/^\+/, "").split(".");
  const trimmedFraction = fraction.replace(/0+$/, "");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/^0+(?=\d)/, "") || "0";
  return `${sign}${digits}${trimmedFraction ? `.${trimmedFraction}` : ""}`;
}

/** A stored number as it is edited: exact, with the locale's decimal sign and no grouping. */
export function editableNumber(value: number, locale: Locale): string {
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20).replace(/\.?0+$/, "");
  return locale === "sv" ? text.replace(".", ",").replace("-", "\u2212") : text;
}

/** A definition's choices as a select can offer them: each once, whatever was stored. */
export function choiceOptions(attribute: Pick<CustomAttribute, "choices">): string[] {
  const choices = Array.isArray(attribute.choices) ? attribute.choices : [];
  return [...new Set(choices.filter((choice): choice is string => typeof choice === "string" && choice !== ""))];
}

const isAmount = (attribute: CustomAttribute) => attribute.type === "number" || attribute.type === "kronor";

/** The values a form holds, as the API takes them, and the fields whose text is not a value. */
export interface PreparedCustomValues {
  values: Record<string, unknown>;
  /** Field (`custom.<key>`) to error code, as the server would name it. */
  errors: Record<string, string>;
}

/**
 * Reads what a form's custom fields hold. Amounts typed as text become plain decimals; text that
 * is not a number is an error at its field rather than a value quietly dropped or changed.
 */
export function prepareCustomValues(
  attributes: readonly CustomAttribute[],
  draft: Record<string, unknown>,
  locale: Locale,
): PreparedCustomValues {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const attribute of attributes) {
    if (!(attribute.key in draft)) continue;
    const value = draft[attribute.key];
    if (value === "" || value === undefined || value === null) {
      values[attribute.key] = null;
    } else if (isAmount(attribute) && typeof value === "string") {
      if (value.trim() === "") {
        values[attribute.key] = null;
        continue;
      }
      const parsed = parseDecimalInput(value, locale, { kronor: attribute.type === "kronor" });
      if (parsed === null) errors[`custom.${attribute.key}`] = `invalid_${attribute.type}`;
      else values[attribute.key] = parsed;
    } else {
      values[attribute.key] = value;
    }
  }
  return { values, errors };
}

/** Whether a prepared value differs from the stored one: "1234.50" is the stored 1234.5. */
export function customValueChanged(attribute: CustomAttribute, next: unknown, stored: unknown): boolean {
  if (next === null) return stored !== null && stored !== undefined && stored !== "";
  if (isAmount(attribute) && typeof next === "string") return Number(next) !== stored;
  return next !== stored;
}
