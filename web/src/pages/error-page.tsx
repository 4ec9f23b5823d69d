import { Alert, Center } from "@mantine/core";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";

export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  return (
    <Center mih="60vh" p="md">
      <Alert color="red" variant="light" maw={520} role="alert">
        {problemMessage(error, t)}
      </Alert>
    </Center>
  );
}
