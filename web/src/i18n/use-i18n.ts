import { en } from "./en";
import type { Locale } from "./locale";
import { useLocale } from "./locale-store";
import { type Messages, sv } from "./sv";

const MESSAGES: Record<Locale, Messages> = { sv, en };

/** Language names are written in their own language, so each reader finds theirs. */
export const LANGUAGE_NAMES: Record<Locale, string> = { sv: "Svenska", en: "English" };

export function useI18n(): { locale: Locale; t: Messages } {
  const locale = useLocale();
  return { locale, t: MESSAGES[locale] };
}
