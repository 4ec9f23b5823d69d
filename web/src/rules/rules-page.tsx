import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useI18n } from "../i18n/use-i18n";
import { PlusIcon } from "../ui/icons";
import { createdRuleStore } from "./rule-notice";
import { RulesTable } from "./rules-table";
import { useCanManageRules } from "./use-can-manage-rules";

/** Every rule: when it runs, its condition as text, whether it is on, and how busy it has been. */
export function RulesPage() {
  const { t } = useI18n();
  const canManage = useCanManageRules();
  // The word on a rule just created is old news once the list is open again.
  useEffect(() => createdRuleStore.set(null), []);
  return (
    <Stack gap="lg" maw={1440}>
      <Title order={1}>{t.modules.rules}</Title>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={4} maw={760}>
          <Text c="dimmed" size="sm">
            {t.rules.intro}
          </Text>
          <Text c="dimmed" size="xs">
            {t.rules.statsHint}
          </Text>
        </Stack>
        {canManage && (
          <Button
            leftSection={<PlusIcon size={16} />}
            renderRoot={(props) => <Link to="/rules/new" {...props} />}
            style={{ flexShrink: 0 }}
          >
            {t.rules.newRule}
          </Button>
        )}
      </Group>
      <RulesTable />
    </Stack>
  );
}
