import { Button, Drawer, Group, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { choiceOptions } from "../register/custom-values";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import {
  CUSTOM_ATTRIBUTE_TYPES,
  type CustomAttributeDefinition,
  type CustomAttributeType,
  type CustomEntity,
} from "../register/types";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { type ChoiceRow, ChoicesEditor, choiceRow, choicesPayload } from "./choices-editor";
import { useRefreshCustomAttributes } from "./queries";

interface CustomAttributeDrawerProps {
  entity: CustomEntity;
  /** The attribute to change; none to define a new one. */
  attribute: CustomAttributeDefinition | null;
  opened: boolean;
  onClose: () => void;
}

export function CustomAttributeDrawer({ entity, attribute, opened, onClose }: CustomAttributeDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      styles={DRAWER_STYLES}
      title={attribute ? t.customFields.editTitle(attribute.label) : t.customFields.createTitle}
    >
      {opened && <CustomAttributeForm entity={entity} attribute={attribute} onClose={onClose} />}
    </Drawer>
  );
}

interface Draft {
  key: string;
  label: string;
  description: string;
  type: CustomAttributeType;
  required: boolean;
  choices: ChoiceRow[];
}

const FIELDS = ["entity", "key", "label", "description", "type", "required", "choices"];

function draftOf(attribute: CustomAttributeDefinition | null): Draft {
  if (!attribute) {
    return { key: "", label: "", description: "", type: "text", required: false, choices: [choiceRow(null)] };
  }
  return {
    key: attribute.key,
    label: attribute.label,
    description: attribute.description ?? "",
    type: attribute.type,
    required: attribute.required,
    choices: choiceOptions(attribute).map((choice) => choiceRow(choice)),
  };
}

/** Only what changed is sent, so the audit log says what this edit did. */
function changes(attribute: CustomAttributeDefinition, draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.label.trim() !== attribute.label) body.label = draft.label;
  if (draft.description.trim() !== (attribute.description ?? "")) body.description = draft.description.trim() || null;
  if (draft.required !== attribute.required) body.required = draft.required;
  if (attribute.type === "choice") {
    const choices = choicesPayload(draft.choices);
    if (JSON.stringify(choices) !== JSON.stringify(attribute.choices ?? [])) body.choices = choices;
  }
  return body;
}

function CustomAttributeForm({ entity, attribute, onClose }: Omit<CustomAttributeDrawerProps, "opened">) {
  const { t } = useI18n();
  const words = t.customFields;
  const refresh = useRefreshCustomAttributes();
  const [draft, setDraft] = useState(() => draftOf(attribute));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      attribute
        ? api(`/api/custom-attributes/${attribute.id}`, { method: "PATCH", body })
        : api("/api/custom-attributes", { method: "POST", body }),
    onSuccess: async () => {
      onClose();
      await refresh();
    },
  });
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  // The API numbers the choices it was sent, which leaves out empty rows.
  const sentIndex = (row: number) => draft.choices.slice(0, row).filter((choice) => choice.value.trim() !== "").length;
  const choiceFields = draft.choices.flatMap((_, index) => [
    `choices.${index}`,
    `choices.${index}.from`,
    `choices.${index}.to`,
  ]);
  const problems = formProblems(save.error, [...FIELDS, ...choiceFields], t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (attribute) {
      const body = changes(attribute, draft);
      if (Object.keys(body).length === 0) onClose();
      else save.mutate(body);
      return;
    }
    save.mutate({
      entity,
      key: draft.key.trim(),
      label: draft.label,
      ...(draft.description.trim() ? { description: draft.description } : {}),
      type: draft.type,
      required: draft.required,
      ...(draft.type === "choice" ? { choices: choicesPayload(draft.choices) } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={save.error} unplaced={problems.unplaced} />
        <TextInput
          label={words.label}
          value={draft.label}
          onChange={(event) => update({ label: event.currentTarget.value })}
          error={problems.at("label")}
          required
          data-autofocus
        />
        <TextInput
          label={words.key}
          description={words.keyHint}
          value={draft.key}
          onChange={(event) => update({ key: event.currentTarget.value })}
          error={problems.at("key")}
          disabled={attribute !== null}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <Select
          label={words.type}
          description={attribute ? undefined : words.typeHint}
          data={CUSTOM_ATTRIBUTE_TYPES.map((type) => ({ value: type, label: words.types[type] }))}
          value={draft.type}
          onChange={(type) => {
            const known = CUSTOM_ATTRIBUTE_TYPES.find((candidate) => candidate === type);
            if (known) update({ type: known });
          }}
          allowDeselect={false}
          disabled={attribute !== null}
          error={problems.at("type")}
        />
        <Textarea
          label={words.description}
          description={words.descriptionHint}
          value={draft.description}
          onChange={(event) => update({ description: event.currentTarget.value })}
          error={problems.at("description")}
          autosize
          minRows={2}
        />
        <Switch
          label={words.required}
          description={words.requiredHint}
          checked={draft.required}
          onChange={(event) => update({ required: event.currentTarget.checked })}
          error={problems.at("required")}
        />
        {draft.type === "choice" && (
          <ChoicesEditor
            rows={draft.choices}
            onChange={(choices) => update({ choices })}
            error={problems.at("choices")}
            errorAt={(row) => {
              const index = sentIndex(row);
              return problems.at(`choices.${index}`, `choices.${index}.from`, `choices.${index}.to`);
            }}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {words.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {attribute ? words.save : words.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
