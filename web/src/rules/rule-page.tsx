import { Alert, Badge, Box, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { BackLink } from "../ui/back-link";
import { FiringLog } from "./firing-log";
import { ruleFieldsQuery, ruleQuery } from "./queries";
import { RuleBuilder } from "./rule-builder";
import { RuleEnabledSwitch } from "./rule-enabled-switch";
import { createdRuleStore, useCreatedRule } from "./rule-notice";
import { VersionsTable } from "./versions-table";

const ruleRoute = getRouteApi("/shell/rules/$ruleId");

const TABS = ["rule", "firings", "versions"] as const;
type Tab = (typeof TABS)[number];

/** One rule: the builder, the decisions it made and why, and who changed it when. */
export function RulePage() {
  const { t } = useI18n();
  const { ruleId } = ruleRoute.useParams();
  const search = ruleRoute.useSearch();
  const navigate = ruleRoute.useNavigate();
  const rule = useSuspenseQuery(ruleQuery(ruleId)).data;
  const fields = useSuspenseQuery(ruleFieldsQuery).data;
  const created = useCreatedRule() === rule.id;
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const tab: Tab = search.tab ?? "rule";
  const notice = savedVersion !== null ? t.rules.saved(savedVersion) : created ? t.rules.created : null;
  return (
    <Stack gap="lg" maw={1440}>
      <BackLink to="/rules" label={t.rules.back} />
      <Paper withBorder radius="md" p="xl">
        <Group justify="space-between" align="flex-start" gap="lg">
          <Stack gap={6} maw={900}>
            <Title order={1} fz={28}>
              {rule.name}
            </Title>
            {rule.description && (
              <Text c="dimmed" size="sm">
                {rule.description}
              </Text>
            )}
          </Stack>
          <Group gap="lg" align="center">
            <Badge variant="light" color="gray" radius="sm" tt="none" size="lg" data-testid="rule-version">
              {t.rules.version(rule.version)}
            </Badge>
            <RuleEnabledSwitch rule={rule} label={t.rules.enabled} />
          </Group>
        </Group>
      </Paper>
      {notice && (
        <Alert
          color="pine"
          variant="light"
          withCloseButton
          closeButtonLabel={t.rules.dismiss}
          onClose={() => {
            setSavedVersion(null);
            createdRuleStore.set(null);
          }}
          role="status"
        >
          {notice}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = TABS.find((candidate) => candidate === value);
          if (next) void navigate({ search: { tab: next === "rule" ? undefined : next }, replace: true });
        }}
      >
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t.rules.tabs[key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {/* The builder stays mounted while another tab is open, so unsaved changes survive a look at the log. */}
      <Box display={tab === "rule" ? undefined : "none"}>
        <RuleBuilder
          key={rule.id}
          rule={rule}
          fields={fields}
          active={tab === "rule"}
          onSaved={(saved) => {
            createdRuleStore.set(null);
            setSavedVersion(saved.version);
          }}
        />
      </Box>
      {tab === "firings" && <FiringLog ruleId={rule.id} />}
      {tab === "versions" && <VersionsTable ruleId={rule.id} />}
    </Stack>
  );
}
