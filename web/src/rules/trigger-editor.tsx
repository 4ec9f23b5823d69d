import { NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { fieldLabel } from "./field-label";
import { rulesQuery } from "./queries";
import type { RuleProblems } from "./rule-problems";
import type { TriggerDraft } from "./trigger-draft";
import {
  DIRECTIONS,
  EVENT_TRIGGER_TYPES,
  RECORD_CHANGES,
  RECORD_ENTITIES,
  type RuleField,
  SEGMENT_CHANGES,
  TRIGGER_TYPES,
  TRIGGER_UNITS,
} from "./types";

interface TriggerEditorProps {
  trigger: TriggerDraft;
  onChange: (patch: Partial<TriggerDraft>) => void;
  fields: readonly RuleField[];
  problems: RuleProblems;
  /** The rule being edited, which cannot be its own segment. */
  ruleId: string | null;
  disabled: boolean;
}

/** Options from a fixed list, in the reader's words. */
function options<T extends string>(values: readonly T[], words: Record<T, string>) {
  return values.map((value) => ({ value, label: words[value] }));
}

/** The trigger's type first, then the inputs that type needs. */
export function TriggerEditor({ trigger, onChange, fields, problems, ruleId, disabled }: TriggerEditorProps) {
  const { t } = useI18n();
  const words = t.rules.trigger;
  const shown = ["trigger.type", ...Object.keys(trigger).map((key) => `trigger.${key}`), "trigger.field"];
  const other = problems.under("trigger", shown);
  const pick = <T extends string>(values: readonly T[], patch: (value: T) => Partial<TriggerDraft>) => ({
    onChange: (value: string | null) => {
      const found = values.find((candidate) => candidate === value);
      if (found) onChange(patch(found));
    },
    allowDeselect: false,
    disabled,
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Select
          label={words.type}
          data={options(TRIGGER_TYPES, words.types)}
          value={trigger.type}
          error={problems.at("trigger.type")}
          {...pick(TRIGGER_TYPES, (type) => ({ type }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {trigger.type === "event" && (
          <>
            <Select
              label={words.eventType}
              data={options(EVENT_TRIGGER_TYPES, words.eventTypes)}
              value={trigger.eventType}
              error={problems.at("trigger.eventType")}
              {...pick(EVENT_TRIGGER_TYPES, (eventType) => ({ eventType }))}
            />
            <TextInput
              label={words.eventName}
              description={words.eventNameHint}
              placeholder={words.eventNamePlaceholder}
              value={trigger.eventName}
              onChange={(event) => onChange({ eventName: event.currentTarget.value })}
              error={problems.at("trigger.eventName")}
              disabled={disabled}
            />
          </>
        )}
        {trigger.type === "record" && (
          <>
            <Select
              label={words.entity}
              data={options(RECORD_ENTITIES, words.entities)}
              value={trigger.entity}
              error={problems.at("trigger.entity")}
              {...pick(RECORD_ENTITIES, (entity) => ({ entity }))}
            />
            <Select
              label={words.on}
              data={options(RECORD_CHANGES, words.ons)}
              value={trigger.on}
              error={problems.at("trigger.on")}
              {...pick(RECORD_CHANGES, (on) => ({ on }))}
            />
            {trigger.on !== "created" && (
              <TagsInput
                label={words.fields}
                description={words.fieldsHint}
                value={trigger.fields}
                onChange={(changed) => onChange({ fields: changed })}
                error={problems.under("trigger.fields").join(" ") || undefined}
                disabled={disabled}
              />
            )}
          </>
        )}
        {trigger.type === "schedule" && (
          <TextInput
            label={words.cron}
            description={words.cronHint}
            value={trigger.cron}
            onChange={(event) => onChange({ cron: event.currentTarget.value })}
            error={problems.at("trigger.cron")}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            disabled={disabled}
          />
        )}
        {trigger.type === "relative_date" && (
          <RelativeDateInputs {...{ trigger, onChange, fields, problems, disabled }} />
        )}
        {trigger.type === "segment" && <SegmentInputs {...{ trigger, onChange, problems, ruleId, disabled }} />}
      </SimpleGrid>
      {other.length > 0 && (
        <Text size="xs" c="red.7" role="alert">
          {other.join(" ")}
        </Text>
      )}
    </Stack>
  );
}

function RelativeDateInputs({ trigger, onChange, fields, problems, disabled }: Omit<TriggerEditorProps, "ruleId">) {
  const { t } = useI18n();
  const words = t.rules.trigger;
  // Only a date the whole register has can be watched for everyone.
  const dates = fields.filter((field) => (field.type === "date" || field.type === "timestamp") && field.wholeBase);
  return (
    <>
      <Select
        label={words.dateField}
        data={dates.map((field) => ({ value: field.key, label: fieldLabel(field.key, fields, t) }))}
        value={trigger.dateField}
        onChange={(dateField) => onChange({ dateField })}
        error={problems.at("trigger.field")}
        searchable
        disabled={disabled}
      />
      <NumberInput
        label={words.amount}
        value={trigger.amount}
        onChange={(amount) => onChange({ amount })}
        allowDecimal={false}
        allowNegative={false}
        error={problems.at("trigger.amount")}
        disabled={disabled}
      />
      <Select
        label={words.unit}
        data={options(TRIGGER_UNITS, words.units)}
        value={trigger.unit}
        onChange={(unit) => unit && onChange({ unit: unit === "hours" ? "hours" : "days" })}
        allowDeselect={false}
        disabled={disabled}
      />
      <Select
        label={words.direction}
        data={options(DIRECTIONS, words.directions)}
        value={trigger.direction}
        onChange={(direction) => direction && onChange({ direction: direction === "before" ? "before" : "after" })}
        allowDeselect={false}
        disabled={disabled}
      />
    </>
  );
}

function SegmentInputs({ trigger, onChange, problems, ruleId, disabled }: Omit<TriggerEditorProps, "fields">) {
  const { t } = useI18n();
  const words = t.rules.trigger;
  const rules = useQuery(rulesQuery).data ?? [];
  return (
    <>
      <Select
        label={words.segmentRule}
        description={words.segmentRuleHint}
        data={rules.filter((rule) => rule.id !== ruleId).map((rule) => ({ value: rule.id, label: rule.name }))}
        value={trigger.segmentRuleId}
        onChange={(segmentRuleId) => onChange({ segmentRuleId })}
        error={problems.at("trigger.segmentRuleId")}
        searchable
        disabled={disabled}
      />
      <Select
        label={words.segmentOn}
        data={options(SEGMENT_CHANGES, words.segmentOns)}
        value={trigger.segmentOn}
        onChange={(on) => on && onChange({ segmentOn: on === "leave" ? "leave" : "enter" })}
        allowDeselect={false}
        error={problems.at("trigger.on")}
        disabled={disabled}
      />
    </>
  );
}
