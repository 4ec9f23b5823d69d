import { Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { type FieldMessages, fieldProblem, unplacedProblems } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { useRefreshEvents } from "./queries";
import { EMPTY_TRAIT, type FilterDraft, type TraitDraft, traitBody } from "./trait-draft";
import { TraitFiltersEditor } from "./trait-filters-editor";
import { type ComputedTrait, isTraitAggregate, isTraitEventType, TRAIT_AGGREGATES, TRAIT_EVENT_TYPES } from "./types";

const FIELDS = ["key", "label", "eventType", "eventName", "filters", "aggregate", "property", "windowDays"];

interface CreateTraitDrawerProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (trait: ComputedTrait) => void;
}

export function CreateTraitDrawer({ opened, onClose, onCreated }: CreateTraitDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      styles={DRAWER_STYLES}
      title={t.traits.formTitle}
    >
      {opened && <CreateTraitForm onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function CreateTraitForm({ onClose, onCreated }: Omit<CreateTraitDrawerProps, "opened">) {
  const { t } = useI18n();
  const refreshEvents = useRefreshEvents();
  const [draft, setDraft] = useState<TraitDraft>(EMPTY_TRAIT);
  const create = useMutation({
    mutationFn: (input: TraitDraft) =>
      api<ComputedTrait>("/api/computed-traits", { method: "POST", body: traitBody(input) }),
    onSuccess: async (trait) => {
      onCreated(trait);
      onClose();
      await refreshEvents();
    },
  });
  const update = (change: Partial<TraitDraft>) => setDraft((current) => ({ ...current, ...change }));
  const errors = t.traits.errors;
  const messages: Partial<Record<string, FieldMessages>> = {
    key: { invalid_format: errors.key },
    property: { invalid: errors.aggregateProperty, invalid_format: errors.property },
    windowDays: { too_small: errors.windowDays, too_big: errors.windowDays, invalid_type: errors.windowDays },
  };
  const problemAt = (field: string) => fieldProblem(create.error, field, t, messages[field]);
  const filterProblem = (field: keyof FilterDraft, row: number) =>
    fieldProblem(create.error, `filters.${row}.${field}`, t, {
      invalid: errors.value,
      invalid_union: errors.value,
      invalid_format: errors.property,
    });
  const filterFields = draft.filters.flatMap((_, row) => [`filters.${row}.property`, `filters.${row}.value`]);
  const unplaced = unplacedProblems(create.error, [...FIELDS, ...filterFields], t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormProblemAlert error={create.error} unplaced={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.traits.key}
            description={t.traits.keyHint}
            placeholder={t.traits.keyPlaceholder}
            value={draft.key}
            onChange={(event) => update({ key: event.currentTarget.value })}
            error={problemAt("key")}
            autoComplete="off"
            required
            data-autofocus
          />
          <TextInput
            label={t.traits.label}
            description={t.traits.labelHint}
            placeholder={t.traits.labelPlaceholder}
            value={draft.label}
            onChange={(event) => update({ label: event.currentTarget.value })}
            error={problemAt("label")}
            required
          />
          <Select
            label={t.traits.eventType}
            data={TRAIT_EVENT_TYPES.map((type) => ({ value: type, label: t.traits.eventTypes[type] }))}
            value={draft.eventType}
            onChange={(value) => isTraitEventType(value) && update({ eventType: value })}
            allowDeselect={false}
            error={problemAt("eventType")}
          />
          <TextInput
            label={t.traits.eventName}
            description={t.traits.eventNameHint}
            value={draft.eventName}
            onChange={(event) => update({ eventName: event.currentTarget.value })}
            error={problemAt("eventName")}
          />
        </SimpleGrid>
        <TraitFiltersEditor
          filters={draft.filters}
          onChange={(filters) => update({ filters })}
          errorAt={filterProblem}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Select
            label={t.traits.aggregate}
            description={t.traits.aggregateHint}
            data={TRAIT_AGGREGATES.map((aggregate) => ({ value: aggregate, label: t.traits.aggregates[aggregate] }))}
            value={draft.aggregate}
            onChange={(value) => isTraitAggregate(value) && update({ aggregate: value })}
            allowDeselect={false}
            error={problemAt("aggregate")}
          />
          {draft.aggregate !== "count" && (
            <TextInput
              label={t.traits.aggregateProperty}
              description={t.traits.aggregatePropertyHint}
              value={draft.property}
              onChange={(event) => update({ property: event.currentTarget.value })}
              error={problemAt("property")}
              required
            />
          )}
          <NumberInput
            label={t.traits.windowDays}
            description={t.traits.windowDaysHint}
            value={draft.windowDays}
            onChange={(value) => update({ windowDays: value })}
            error={problemAt("windowDays")}
            allowDecimal={false}
            allowNegative={false}
            rightSection={t.traits.days}
            rightSectionWidth={64}
            required
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.traits.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t.traits.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
