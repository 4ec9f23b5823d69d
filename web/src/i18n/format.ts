import type { Locale } from "./locale";

/** English speakers here are still in Sweden: British conventions, but kronor stay kronor. */
const LANGUAGE_TAGS: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

type DateInput = Date | string;

const toDate = (value: DateInput) => (typeof value === "string" ? new Date(value) : value);

/** sv: 2026-11-22, en: 22/11/2026 */
export function formatDate(value: DateInput, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale]).format(toDate(value));
}

/** sv: söndag 22 november 2026, en: Sunday, 22 November 2026 */
export function formatLongDate(value: DateInput, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: "full" }).format(toDate(value));
}

/** sv: 2026-11-22 09:05, en: 22/11/2026, 09:05 */
export function formatDateTime(value: DateInput, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: "short", timeStyle: "short" }).format(
    toDate(value),
  );
}

/** sv: 2026-11-22 09:05:17, en: 22/11/2026, 09:05:17; for streams where events are seconds apart. */
export function formatDateTimeSeconds(value: DateInput, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: "short", timeStyle: "medium" }).format(
    toDate(value),
  );
}

/** sv: 1 234 567,5 (grouped with no-break spaces, so a number never wraps), en: 1,234,567.5 */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale]).format(value);
}

/**
 * A share as a percentage, sv: 98 %, 99,9 %, en: 98%. A share just short of the whole never
 * reads as 100 %: 0.99996 is "> 99,9 %", since "100 %" would claim certainty; nor a sliver as 0 %.
 */
export function formatPercent(share: number, locale: Locale, fractionDigits = 0): string {
  const format = (value: number) =>
    new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: "percent", maximumFractionDigits: fractionDigits }).format(
      value,
    );
  const step = 10 ** -(fractionDigits + 2);
  if (share < 1 && share > 1 - step / 2) return `>\u00a0${format(1 - step)}`;
  if (share > 0 && share < step / 2) return `<\u00a0${format(step)}`;
  return format(share);
}

/** A number with its sign, sv: +5,6, −1,3 and 0,0; for weights that count for or against. */
export function formatSigned(value: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: "exceptZero",
  }).format(value);
}

/** sv: 12 345 kr, en: SEK 12,345; öre are shown only when there are any. */
export function formatKronor(amount: number, locale: Locale): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    style: "currency",
    currency: "SEK",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}

/** A language code in the reader's language, capitalised as a label: sv → Svenska, Swedish. */
export function formatLanguage(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames(LANGUAGE_TAGS[locale], { type: "language" }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(LANGUAGE_TAGS[locale]) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** A country code in the reader's language: SE → Sverige, Sweden; an unknown code stays as it is. */
export function formatCountry(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(LANGUAGE_TAGS[locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A file's size the way file managers write it: sv: 120 kB, 2,4 MB; the unit never wraps off. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, "megabyte"]
      : bytes >= 1_000
        ? [bytes / 1_000, "kilobyte"]
        : [bytes, "byte"];
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 && unit !== "byte" ? 1 : 0,
  })
    .format(value)
    .replace(/ /g, "\u00a0");
}

/** A time in milliseconds, to the hundredth below 10 ms where such times are told apart: sv: 0,42, 1,5, 37. */
export function formatMilliseconds(ms: number, locale: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: ms < 10 ? 2 : 0 }).format(ms);
}
