import { Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { ActionDraft } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";
import { CaseHandlerFields } from "./case-handler-fields";
import { choiceOptions } from "./choice-options";
import { HINT_BELOW } from "./hint-below";
import { CASE_CHANNELS, CASE_LINES, CASE_PRIORITIES } from "./types";

type OpenCaseDraft = Extract<ActionDraft, { type: "open_case" }>;

/** A support case for the person: what it is about, how urgent, which line, and optionally who takes it. */
export function OpenCaseActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<OpenCaseDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {words.openCaseHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={words.subject}
          description={words.subjectHint}
          placeholder={words.subjectPlaceholder}
          value={action.subject}
          onChange={(event) => onChange({ subject: event.currentTarget.value })}
          error={errorAt("subject")}
          maxLength={300}
          disabled={disabled}
          style={{ gridColumn: "1 / -1" }}
        />
        <TextInput
          label={words.category}
          description={words.categoryHint}
          inputWrapperOrder={HINT_BELOW}
          value={action.category}
          onChange={(event) => onChange({ category: event.currentTarget.value })}
          error={errorAt("category")}
          maxLength={60}
          disabled={disabled}
        />
        <Select
          label={words.priority}
          data={choiceOptions(CASE_PRIORITIES, words.priorities, action.priority)}
          value={action.priority}
          onChange={(priority) => priority && onChange({ priority })}
          allowDeselect={false}
          error={errorAt("priority")}
          disabled={disabled}
        />
        <Select
          label={words.caseChannel}
          data={choiceOptions(CASE_CHANNELS, words.caseChannels, action.channel)}
          value={action.channel}
          onChange={(channel) => channel && onChange({ channel })}
          allowDeselect={false}
          error={errorAt("channel")}
          disabled={disabled}
        />
        <Select
          label={words.line}
          data={CASE_LINES.map((line) => ({ value: String(line), label: words.lines[line] }))}
          value={String(action.line)}
          onChange={(line) => line && onChange({ line: line === "2" ? 2 : 1 })}
          allowDeselect={false}
          error={errorAt("line")}
          disabled={disabled}
        />
        <CaseHandlerFields
          teamId={action.teamId}
          assigneeId={action.assigneeId}
          onChange={onChange}
          errorAt={errorAt}
          disabled={disabled}
        />
      </SimpleGrid>
    </Stack>
  );
}
