import { Stack, Switch, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRules } from "./queries";
import type { Rule } from "./types";
import { useCanManageRules } from "./use-can-manage-rules";

interface RuleEnabledSwitchProps {
  rule: Pick<Rule, "id" | "name" | "enabled">;
  /** Shown beside the switch; in a table the column says it. */
  label?: string;
}

/** Turns a rule on or off at once; each switch is a new version of the rule. */
export function RuleEnabledSwitch({ rule, label }: RuleEnabledSwitchProps) {
  const { t } = useI18n();
  const canManage = useCanManageRules();
  const refreshRules = useRefreshRules();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api<Rule>(`/api/rules/${rule.id}/enabled`, { method: "POST", body: { enabled } }),
    // The switch shows the new state until the list and the rule have been read again.
    onSuccess: () => refreshRules(),
  });
  const enabled = toggle.isPending ? Boolean(toggle.variables) : rule.enabled;
  return (
    <Stack gap={4}>
      <Switch
        label={label}
        aria-label={label ? undefined : t.rules.enabledLabel(rule.name)}
        checked={enabled}
        disabled={!canManage || toggle.isPending}
        onChange={(event) => toggle.mutate(event.currentTarget.checked)}
      />
      {toggle.isError && (
        <Text size="xs" c="red.7" role="alert">
          {problemMessage(toggle.error, t)}
        </Text>
      )}
    </Stack>
  );
}
