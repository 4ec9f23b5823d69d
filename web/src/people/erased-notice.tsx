import { Alert, Text } from "@mantine/core";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { AlertIcon } from "../ui/icons";

/** On an erased record: what is left is an empty shell, and the page says so first. */
export function ErasedNotice({ erasedAt }: { erasedAt: string }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      color="gray"
      variant="light"
      radius="md"
      title={t.person.erasedNotice(formatDate(erasedAt, locale))}
      icon={<AlertIcon size={20} />}
      data-testid="erased-notice"
    >
      <Text size="sm">{t.person.erased}</Text>
    </Alert>
  );
}
