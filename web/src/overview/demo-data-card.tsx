import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../api/api";
import { useMe } from "../auth/me-query";
import { formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { registerIsEmptyQuery } from "../people/queries";
import { useRefreshRegister } from "../register/queries";

const DEMO_PEOPLE = 300;

interface DemoLoaded {
  people: number;
  organizations: number;
  /** People entered a second time by a web shop, for the duplicate check. */
  duplicates: number;
}

/** On an empty register an administrator can fill it with made-up Swedish customers to try things on. */
export function DemoDataCard() {
  const { t, locale } = useI18n();
  const user = useMe();
  const isAdmin = user.role === "admin";
  const empty = useQuery({ ...registerIsEmptyQuery, enabled: isAdmin });
  const refreshRegister = useRefreshRegister();
  const load = useMutation({
    mutationFn: () => api<DemoLoaded>("/api/demo", { method: "POST", body: { people: DEMO_PEOPLE } }),
    onSuccess: refreshRegister,
  });
  if (!isAdmin) return null;
  if (load.isSuccess) {
    return (
      <Alert
        color="pine"
        variant="light"
        radius="md"
        title={t.demo.done(formatNumber(load.data.people, locale), formatNumber(load.data.organizations, locale))}
      >
        <Text size="sm">{t.demo.doneDetails(formatNumber(load.data.duplicates, locale))}</Text>
        <Group gap="sm" mt="sm">
          <Button size="xs" renderRoot={(props) => <Link to="/people" {...props} />}>
            {t.demo.showPeople}
          </Button>
          <Button size="xs" variant="default" renderRoot={(props) => <Link to="/organizations" {...props} />}>
            {t.demo.showOrganizations}
          </Button>
          <Button size="xs" variant="default" renderRoot={(props) => <Link to="/rules" {...props} />}>
            {t.demo.showRules}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (empty.data !== true) return null;
  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="lg" wrap="nowrap">
          <div>
            <Title order={2} size="h4">
              {t.demo.title}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t.demo.text}
            </Text>
          </div>
          <Button onClick={() => load.mutate()} loading={load.isPending} style={{ flexShrink: 0 }}>
            {t.demo.load}
          </Button>
        </Group>
        {load.isPending && (
          <Stack gap={6} aria-live="polite">
            <Progress value={100} animated striped size="sm" />
            <Text size="sm" c="dimmed">
              {t.demo.loading}
            </Text>
          </Stack>
        )}
        {load.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(load.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
