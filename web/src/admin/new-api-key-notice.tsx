import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { CreatedApiKey } from "./create-api-key-form";

export function NewApiKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="yellow" variant="light" radius="md" title={t.apiKeys.createdTitle(created.apiKey.name)}>
      <Stack gap="sm">
        <Text size="sm">{t.apiKeys.shownOnce}</Text>
        <Code block fz="sm" data-testid="new-api-key" style={{ wordBreak: "break-all", userSelect: "all" }}>
          {created.key}
        </Code>
        <Group gap="sm">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? "light" : "filled"} onClick={copy}>
                {copied ? t.apiKeys.copied : t.apiKeys.copy}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t.apiKeys.done}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
