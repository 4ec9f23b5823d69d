import { SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { ActionDraft } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";
import { CaseHandlerFields } from "./case-handler-fields";

type EscalateDraft = Extract<ActionDraft, { type: "escalate" }>;

/** Which of the person's open cases go to second line (all, or one category's), and to whom. */
export function EscalateActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<EscalateDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {words.escalateHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={words.category}
          description={words.escalateCategoryHint}
          placeholder={words.optional}
          value={action.category}
          onChange={(event) => onChange({ category: event.currentTarget.value })}
          error={errorAt("category")}
          maxLength={60}
          disabled={disabled}
          style={{ gridColumn: "1 / -1" }}
        />
        <CaseHandlerFields
          teamId={action.teamId}
          assigneeId={action.assigneeId}
          onChange={onChange}
          errorAt={errorAt}
          disabled={disabled}
          teamHint={words.escalateTeamHint}
          assigneeHint={words.escalateAssigneeHint}
        />
      </SimpleGrid>
    </Stack>
  );
}
