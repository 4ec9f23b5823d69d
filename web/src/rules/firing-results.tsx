import { List, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { describeResult } from "./describe-result";
import type { RuleFiring } from "./types";
import { useUserName } from "./use-user-name";

/** What the firing's actions did, one line each; a skipped firing tells why instead. */
export function FiringResults({ firing }: { firing: RuleFiring }) {
  const { t } = useI18n();
  const userName = useUserName();
  if (firing.status === "skipped") {
    return (
      <Text size="xs" c="dimmed">
        {firing.note === "profiling_objection" ? t.rules.firings.profilingObjection : firing.note}
      </Text>
    );
  }
  if (firing.results.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t.rules.firings.noResults}
      </Text>
    );
  }
  return (
    <List size="xs" spacing={2} data-testid="firing-results">
      {firing.results.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: results are in the order the actions ran, and never move
        <List.Item key={index} c={result.ok ? undefined : "red.8"}>
          {describeResult(result, t, userName)}
        </List.Item>
      ))}
    </List>
  );
}
