import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { ActionDraft } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";
import { choiceOptions } from "./choice-options";
import { HINT_BELOW } from "./hint-below";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES } from "./types";

type SendMessageDraft = Extract<ActionDraft, { type: "send_message" }>;

const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/**
 * A message to the person, written as Liquid templates: channel and purpose (marketing needs
 * consent), subject, text body and an optional HTML body. The server checks the templates on save.
 */
export function SendMessageActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<SendMessageDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {words.onceHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Select
          label={words.channel}
          data={choiceOptions(MESSAGE_CHANNELS, words.messageChannels, action.channel)}
          value={action.channel}
          onChange={(channel) => channel && onChange({ channel })}
          allowDeselect={false}
          error={errorAt("channel")}
          disabled={disabled}
        />
        <Select
          label={words.purpose}
          description={(words.purposeHints as Partial<Record<string, string>>)[action.purpose]}
          inputWrapperOrder={HINT_BELOW}
          data={choiceOptions(MESSAGE_PURPOSES, words.purposes, action.purpose)}
          value={action.purpose}
          onChange={(purpose) => purpose && onChange({ purpose })}
          allowDeselect={false}
          error={errorAt("purpose")}
          disabled={disabled}
        />
        <TextInput
          label={words.messageSubject}
          description={words.messageSubjectHint}
          placeholder={words.messageSubjectPlaceholder}
          value={action.subject}
          onChange={(event) => onChange({ subject: event.currentTarget.value })}
          error={errorAt("subject")}
          maxLength={500}
          disabled={disabled}
          style={{ gridColumn: "1 / -1" }}
        />
        <Textarea
          label={words.body}
          description={words.bodyHint}
          placeholder={words.bodyPlaceholder}
          value={action.body}
          onChange={(event) => onChange({ body: event.currentTarget.value })}
          error={errorAt("body")}
          autosize
          minRows={4}
          maxRows={16}
          maxLength={50_000}
          disabled={disabled}
          style={{ gridColumn: "1 / -1" }}
        />
        <Textarea
          label={words.html}
          description={words.htmlHint}
          placeholder={words.optional}
          value={action.html}
          onChange={(event) => onChange({ html: event.currentTarget.value })}
          error={errorAt("html")}
          autosize
          minRows={2}
          maxRows={16}
          maxLength={200_000}
          disabled={disabled}
          styles={monospace}
          style={{ gridColumn: "1 / -1" }}
        />
      </SimpleGrid>
    </Stack>
  );
}
