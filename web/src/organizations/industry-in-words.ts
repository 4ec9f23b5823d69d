import type { Locale } from "../i18n/locale";
import { sniDivisionName } from "../i18n/sni-divisions";

/** The industry as the company put it, else its SNI code's division in words; null when neither is known. */
export function industryInWords(
  organization: { industry: string | null; sniCode: string | null },
  locale: Locale,
): string | null {
  return organization.industry ?? (organization.sniCode ? sniDivisionName(organization.sniCode, locale) : null);
}
