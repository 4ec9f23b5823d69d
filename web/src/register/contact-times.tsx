import { Text } from "@mantine/core";
import { formatDate, formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";

/** When a customer was last contacted, and below it the next call or meeting booked, if any. */
export function ContactTimes({ last, next }: { last: string | null; next: string | null }) {
  const { t, locale } = useI18n();
  return (
    <>
      {last ? formatDate(last, locale) : t.person.neverContacted}
      {next && (
        <Text size="xs" c="dimmed">
          {t.person.nextContact(formatDateTime(next, locale))}
        </Text>
      )}
    </>
  );
}
