import { Code, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { type ActionDraft, MASKED_SECRET } from "./action-draft";
import { EscalateActionFields } from "./escalate-action-fields";
import { OpenCaseActionFields } from "./open-case-action-fields";
import { OwnerActionFields } from "./owner-action-fields";
import { SendMessageActionFields } from "./send-message-action-fields";
import { SetFieldActionFields } from "./set-field-action-fields";
import { TaskActionFields } from "./task-action-fields";

/** What each action type's form gets: its draft, a way to change it, and the server's word on each config field. */
export interface ActionFieldsProps<T extends ActionDraft = ActionDraft> {
  action: T;
  onChange: (patch: Partial<T>) => void;
  /** The message for a config field, e.g. "subject" for `actions.0.config.subject`. */
  errorAt: (field: string) => string | undefined;
  disabled: boolean;
}

/** The config fields each action type has an input for; a fault with any other is shown on the card. */
export const CONFIG_FIELDS: Readonly<Record<ActionDraft["type"], readonly string[]>> = {
  create_task: ["subject", "dueInDays", "assignTo"],
  set_field: ["field", "value"],
  assign_owner: ["userId", "teamId", "strategy", "capacity"],
  add_to_list: ["list"],
  remove_from_list: ["list"],
  webhook: ["url", "secret"],
  send_message: ["channel", "purpose", "subject", "body", "html"],
  open_case: ["subject", "category", "priority", "channel", "line", "teamId", "assigneeId"],
  escalate: ["category", "teamId", "assigneeId"],
  other: [],
};

/** The form for one action, by its type. */
export function ActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const props = { onChange: onChange as (patch: object) => void, errorAt, disabled };
  switch (action.type) {
    case "create_task":
      return <TaskActionFields action={action} {...props} />;
    case "set_field":
      return <SetFieldActionFields action={action} {...props} />;
    case "assign_owner":
      return <OwnerActionFields action={action} {...props} />;
    case "send_message":
      return <SendMessageActionFields action={action} {...props} />;
    case "open_case":
      return <OpenCaseActionFields action={action} {...props} />;
    case "escalate":
      return <EscalateActionFields action={action} {...props} />;
    case "add_to_list":
    case "remove_from_list":
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={words.list}
            description={words.listHint}
            value={action.list}
            onChange={(event) => props.onChange({ list: event.currentTarget.value })}
            error={errorAt("list")}
            disabled={disabled}
          />
        </SimpleGrid>
      );
    case "webhook":
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={words.url}
            placeholder="https://"
            type="url"
            value={action.url}
            onChange={(event) => props.onChange({ url: event.currentTarget.value })}
            error={errorAt("url")}
            disabled={disabled}
          />
          <PasswordInput
            label={words.secret}
            description={action.secret === MASKED_SECRET ? words.secretKept : words.secretHint}
            value={action.secret}
            onChange={(event) => props.onChange({ secret: event.currentTarget.value })}
            // The server checks the length before it swaps the mask for the saved secret, so a rule
            // whose secret was left masked is refused; the reader is told to type it again.
            error={errorAt("secret") && action.secret === MASKED_SECRET ? words.secretRetype : errorAt("secret")}
            autoComplete="new-password"
            disabled={disabled}
          />
        </SimpleGrid>
      );
    case "other":
      return (
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {words.unknown}
          </Text>
          <Code block fz="xs">
            {JSON.stringify(action.config, null, 2)}
          </Code>
        </Stack>
      );
  }
}
