import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { CopyIcon } from "../ui/icons";
import type { CreatedSource } from "./create-source-form";
import { snippetTag } from "./snippet-tag";

function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant={copied ? "light" : "filled"} leftSection={<CopyIcon size={14} />} onClick={copy}>
          {copied ? t.sources.copied : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** The write key in clear, this once, and for a website the tag to paste with the key already in it. */
export function NewSourceNotice({ created, onDone }: { created: CreatedSource; onDone: () => void }) {
  const { t } = useI18n();
  const tag = snippetTag(window.location.origin, created.writeKey);
  const isWeb = created.source.kind === "web";
  return (
    <Alert color="yellow" variant="light" radius="md" title={t.sources.createdTitle(created.source.name)}>
      <Stack gap="md">
        <Text size="sm">{t.sources.shownOnce}</Text>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t.sources.writeKey}
          </Text>
          <Code block fz="sm" data-testid="new-write-key" style={{ wordBreak: "break-all", userSelect: "all" }}>
            {created.writeKey}
          </Code>
          <Group>
            <CopyValue value={created.writeKey} label={t.sources.copyKey} />
          </Group>
        </Stack>
        {isWeb ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t.sources.snippet}
            </Text>
            <Text size="sm" c="dimmed">
              {t.sources.snippetHint}
            </Text>
            <Code block fz="sm" data-testid="snippet-tag" style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
              {tag}
            </Code>
            <Group>
              <CopyValue value={tag} label={t.sources.copySnippet} />
            </Group>
          </Stack>
        ) : (
          <Text size="sm">{t.sources.serverHint}</Text>
        )}
        <Group>
          <Button size="xs" variant="default" onClick={onDone}>
            {t.sources.done}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
