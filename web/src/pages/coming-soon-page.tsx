import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { ModuleKey } from "../shell/modules";

/** Stands in for a module until it is built; says so plainly rather than showing empty tables. */
export function ComingSoonPage({ module }: { module: ModuleKey }) {
  const { t } = useI18n();
  const title = t.modules[module];
  return (
    <Stack gap="lg" maw={720}>
      <Group gap="sm">
        <Title order={1}>{title}</Title>
        <Badge variant="light" color="gray" tt="none">
          {t.coming.badge}
        </Badge>
      </Group>
      <Paper withBorder radius="md" p="xl">
        <Text c="dimmed">{t.coming.text(title)}</Text>
      </Paper>
    </Stack>
  );
}
