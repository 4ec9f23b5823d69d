import "dayjs/locale/sv";
import { DatesProvider } from "@mantine/dates";
import type { ReactNode } from "react";
import type { Locale } from "./locale";
import { useLocale } from "./locale-store";

const DAYJS_LOCALES: Record<Locale, string> = { sv: "sv", en: "en" };

/**
 * Month and weekday names in the calendars follow the app's language, not the browser's. The
 * week starts on Monday in either language: the users are in Sweden whichever they read.
 */
export function DatesLocaleProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <DatesProvider settings={{ locale: DAYJS_LOCALES[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
