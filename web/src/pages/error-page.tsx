import { Alert, Button, Center, Group, Stack } from "@mantine/core";
import { type ErrorComponentProps, Link, useRouter } from "@tanstack/react-router";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";

/**
 * A page that could not be shown (a record that does not exist or is not the user's to see, or a
 * fault), with the ways on: back where the user came from, or to the overview.
 */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="md" maw={520}>
        <Alert color="red" variant="light" role="alert">
          {problemMessage(error, t)}
        </Alert>
        <Group gap="sm">
          <Button variant="default" onClick={() => router.history.back()}>
            {t.errorPage.back}
          </Button>
          <Button variant="light" renderRoot={(props) => <Link to="/" {...props} />}>
            {t.notFound.back}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
