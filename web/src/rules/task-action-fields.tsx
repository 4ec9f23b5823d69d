import { NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { ActionDraft } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";
import { useUsers } from "./use-users";

type TaskDraft = Extract<ActionDraft, { type: "create_task" }>;

/** A task's subject, when it is due and whom it is for: the person's owner or a named user. */
export function TaskActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<TaskDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const users = useUsers().data ?? [];
  const assignees = [
    { value: "owner", label: words.owner },
    ...users.map((user) => ({ value: user.id, label: user.name })),
  ];
  if (!assignees.some((option) => option.value === action.assignTo)) {
    // A user no longer in the directory has been deactivated since the rule was saved.
    assignees.push({ value: action.assignTo, label: users.length > 0 ? t.owner.formerUser : action.assignTo });
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput
        label={words.subject}
        description={words.subjectHint}
        placeholder={words.subjectPlaceholder}
        value={action.subject}
        onChange={(event) => onChange({ subject: event.currentTarget.value })}
        error={errorAt("subject")}
        disabled={disabled}
        style={{ gridColumn: "1 / -1" }}
      />
      <NumberInput
        label={words.dueInDays}
        value={action.dueInDays}
        onChange={(dueInDays) => onChange({ dueInDays })}
        allowDecimal={false}
        allowNegative={false}
        rightSection={t.rules.days}
        rightSectionWidth={64}
        error={errorAt("dueInDays")}
        disabled={disabled}
      />
      <Select
        label={words.assignTo}
        data={assignees}
        value={action.assignTo}
        onChange={(assignTo) => assignTo && onChange({ assignTo })}
        allowDeselect={false}
        searchable
        error={errorAt("assignTo")}
        disabled={disabled}
      />
    </SimpleGrid>
  );
}
