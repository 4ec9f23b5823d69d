import { Button, Group, Popover, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/api";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import type { CustomAttributeDefinition } from "../register/types";
import { useRefreshCustomAttributes } from "./queries";

/** Retiring hides a field from every form, so it asks once more; restoring does not. */
export function RetireCustomAttributeButton({ attribute }: { attribute: CustomAttributeDefinition }) {
  const { t } = useI18n();
  const words = t.customFields;
  const refresh = useRefreshCustomAttributes();
  const [opened, setOpened] = useState(false);
  const change = useMutation({
    mutationFn: (retired: boolean) =>
      api(`/api/custom-attributes/${attribute.id}`, { method: "PATCH", body: { retired } }),
    onSuccess: () => {
      setOpened(false);
      return refresh();
    },
  });
  if (attribute.retired) {
    return (
      <Stack gap={2} align="flex-end">
        <Button
          size="compact-sm"
          variant="subtle"
          loading={change.isPending}
          onClick={() => change.mutate(false)}
          aria-label={`${words.restore}: ${attribute.label}`}
        >
          {words.restore}
        </Button>
        {change.isError && (
          <Text size="xs" c="red.7" role="alert">
            {problemMessage(change.error, t)}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" withArrow>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => setOpened((open) => !open)}
          aria-label={`${words.retire}: ${attribute.label}`}
        >
          {words.retire}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">{words.confirmRetire(attribute.label)}</Text>
          {change.isError && (
            <Text size="sm" c="red.7" role="alert">
              {problemMessage(change.error, t)}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {words.cancel}
            </Button>
            <Button size="xs" color="red" loading={change.isPending} onClick={() => change.mutate(true)}>
              {words.retire}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
