import { Button, Group, Popover, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/api";
import type { ApiKey } from "../api/types";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";

/** Revoking cannot be undone, so it asks once more. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [opened, setOpened] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api<ApiKey>(`/api/api-keys/${apiKey.id}`, { method: "DELETE" }),
    onSuccess: () => {
      setOpened(false);
      return refreshAdmin();
    },
  });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={300} shadow="md" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpened((open) => !open)}>
          {t.apiKeys.revoke}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">{t.apiKeys.confirmRevoke(apiKey.name)}</Text>
          {revoke.isError && (
            <Text size="sm" c="red.7" role="alert">
              {problemMessage(revoke.error, t)}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t.apiKeys.cancel}
            </Button>
            <Button size="xs" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t.apiKeys.revoke}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
