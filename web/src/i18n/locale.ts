export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "sv";

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}
