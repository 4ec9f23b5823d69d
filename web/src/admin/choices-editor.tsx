import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";

/** One row of the editor: the choice as stored (null for a new one) and as it now reads. */
export interface ChoiceRow {
  id: number;
  original: string | null;
  value: string;
}

let nextRowId = 0;
export const choiceRow = (original: string | null, value = original ?? ""): ChoiceRow => ({
  id: ++nextRowId,
  original,
  value,
});

/**
 * The choices as the API takes them: a kept or new choice as text, a renamed one as
 * `{ from, to }` so the values records hold are renamed with it. Empty rows are left out.
 */
export function choicesPayload(rows: readonly ChoiceRow[]): Array<string | { from: string; to: string }> {
  return rows
    .filter((row) => row.value.trim() !== "")
    .map((row) =>
      row.original !== null && row.original !== row.value.trim()
        ? { from: row.original, to: row.value.trim() }
        : row.value.trim(),
    );
}

interface ChoicesEditorProps {
  rows: ChoiceRow[];
  onChange: (rows: ChoiceRow[]) => void;
  error?: string;
  errorAt: (index: number) => string | undefined;
}

export function ChoicesEditor({ rows, onChange, error, errorAt }: ChoicesEditorProps) {
  const { t } = useI18n();
  const words = t.customFields;
  const set = (id: number, value: string) => onChange(rows.map((row) => (row.id === id ? { ...row, value } : row)));
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          {words.choices}
        </Text>
        <Text size="xs" c="dimmed">
          {words.choicesHint}
        </Text>
      </div>
      {rows.map((row, index) => (
        <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={words.choice(index + 1)}
            value={row.value}
            onChange={(event) => set(row.id, event.currentTarget.value)}
            description={
              row.original !== null && row.value.trim() !== "" && row.value.trim() !== row.original
                ? words.renamedFrom(row.original)
                : undefined
            }
            inputWrapperOrder={["label", "input", "description", "error"]}
            error={errorAt(index)}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`${words.removeChoice}: ${row.value || words.choice(index + 1)}`}
            onClick={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rows, choiceRow(null)])}>
          {words.addChoice}
        </Button>
      </Group>
    </Stack>
  );
}
