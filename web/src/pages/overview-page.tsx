import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useMe } from "../auth/me-query";
import { formatLongDate } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { DemoDataCard } from "../overview/demo-data-card";
import { FollowUpCard } from "../overview/follow-up-card";
import { MyTasksCard } from "../overview/my-tasks-card";
import { MODULES } from "../shell/modules";

const businessModules = MODULES.filter((module) => module.key !== "overview" && !("adminOnly" in module));

export function OverviewPage() {
  const { t, locale } = useI18n();
  const user = useMe();
  return (
    <Stack gap="xl" maw={1100}>
      <div>
        <Title order={1}>{t.overview.welcome(user.name)}</Title>
        <Text c="dimmed" size="lg" mt={4}>
          {t.overview.today(formatLongDate(new Date(), locale))}
        </Text>
      </div>
      <Text maw={640}>{t.overview.intro}</Text>
      <DemoDataCard />
      <MyTasksCard />
      <FollowUpCard />
      <div>
        <Title order={2} size="h4" mb="sm">
          {t.overview.modulesHeading}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {businessModules.map((module) => (
            <Card
              key={module.key}
              withBorder
              padding="lg"
              radius="md"
              renderRoot={(props) => <Link to={module.path} {...props} />}
            >
              <Group justify="space-between" gap="xs">
                <Text fw={600}>{t.modules[module.key]}</Text>
                {"coming" in module && (
                  <Badge variant="light" color="gray" size="sm" tt="none">
                    {t.coming.badge}
                  </Badge>
                )}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
