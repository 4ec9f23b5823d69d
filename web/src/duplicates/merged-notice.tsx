import { Alert, Button, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { personQuery } from "../people/queries";
import { AlertIcon } from "../ui/icons";

/** On a record merged into another: this page is history, and the living record is one click away. */
export function MergedNotice({ survivorId }: { survivorId: string }) {
  const { t } = useI18n();
  const survivor = useQuery(personQuery(survivorId)).data;
  const name = survivor ? `${survivor.greetingName} ${survivor.surname}` : t.duplicates.unknownPerson;
  return (
    <Alert
      color="yellow"
      variant="light"
      radius="md"
      title={t.duplicates.mergedNoticeTitle}
      icon={<AlertIcon size={20} />}
      data-testid="merged-notice"
    >
      <Text size="sm">{t.duplicates.mergedNoticeText}</Text>
      <Button
        mt="sm"
        size="xs"
        variant="filled"
        color="yellow.8"
        renderRoot={(props) => <Link to="/people/$personId" params={{ personId: survivorId }} {...props} />}
      >
        {t.duplicates.goToSurvivor(name)}
      </Button>
    </Alert>
  );
}
