import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { CloseIcon, PlusIcon } from "../ui/icons";
import { ACTION_TYPES, type ActionDraft, newAction } from "./action-draft";
import { ActionFields, CONFIG_FIELDS } from "./action-fields";
import type { RuleProblems } from "./rule-problems";
import type { ActionInfo } from "./types";

interface ActionsEditorProps {
  actions: ActionDraft[];
  onChange: (change: (actions: ActionDraft[]) => ActionDraft[]) => void;
  /** The actions the server offers. */
  available: readonly ActionInfo[];
  problems: RuleProblems;
  disabled: boolean;
}

/** What the rule does, in order: each action a small card with its own form. */
export function ActionsEditor({ actions, onChange, available, problems, disabled }: ActionsEditorProps) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const labelOf = (type: string) => words.types[type] ?? available.find((info) => info.type === type)?.label ?? type;
  // Only actions this app has a form for can be added; others a newer server has are kept when loaded.
  const addable = available.filter((info) => (ACTION_TYPES as readonly string[]).includes(info.type));
  const change = (id: string, patch: Partial<ActionDraft>) =>
    onChange((current) =>
      current.map((action) => (action.id === id ? ({ ...action, ...patch } as ActionDraft) : action)),
    );
  return (
    <Stack gap="sm">
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {words.none}
        </Text>
      )}
      {actions.map((action, index) => {
        const type = action.type === "other" ? action.actionType : action.type;
        const base = `actions.${index}`;
        const configFields = CONFIG_FIELDS[action.type].map((field) => `${base}.config.${field}`);
        const other = problems.under(base, configFields);
        return (
          <Paper key={action.id} withBorder radius="md" p="md" component="section" aria-label={labelOf(type)}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={3} fz="sm" fw={650}>
                  {labelOf(type)}
                </Title>
                {!disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={words.remove(labelOf(type))}
                    onClick={() => onChange((current) => current.filter((candidate) => candidate.id !== action.id))}
                  >
                    <CloseIcon size={16} />
                  </ActionIcon>
                )}
              </Group>
              <ActionFields
                action={action}
                onChange={(patch) => change(action.id, patch)}
                errorAt={(field) => problems.under(`${base}.config.${field}`).join(" ") || undefined}
                disabled={disabled}
              />
              {other.length > 0 && (
                <Text size="xs" c="red.7" role="alert">
                  {other.join(" ")}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
      {!disabled && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<PlusIcon size={14} />} w="fit-content">
              {words.add}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {addable.map((info) => (
              <Menu.Item key={info.type} onClick={() => onChange((current) => [...current, newAction(info.type)])}>
                {labelOf(info.type)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}
