import { Group, MultiSelect, NumberInput, Select, TagsInput, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { isLifecycleStage } from "../register/types";
import { DateField } from "../ui/date-field";
import { DateTimeField } from "../ui/date-time-field";
import { valueShape } from "./operators";
import { type FieldType, type Operator, RELATIVE_UNITS, type RelativeUnit } from "./types";
import type { ScalarDraft, SpanDraft, ValueDraft } from "./value-draft";

interface ValueInputProps {
  type: FieldType;
  field: string;
  op: Operator;
  choices: readonly string[] | undefined;
  value: ValueDraft;
  onChange: (value: ValueDraft) => void;
  /** Errors for the whole value, its first and its second end (a pair) or its unit (a span). */
  errors: { value?: string; first?: string; second?: string; unit?: string };
  disabled: boolean;
}

/** The input that fits the field's type and the comparison: one value, a pair, a list or a time span. */
export function ValueInput({ type, field, op, choices, value, onChange, errors, disabled }: ValueInputProps) {
  const { t } = useI18n();
  const words = t.rules.condition;
  const choiceLabel = (choice: string) =>
    field === "person.lifecycle_stage" && isLifecycleStage(choice) ? t.stages[choice] : choice;
  const options = (choices ?? []).map((choice) => ({ value: choice, label: choiceLabel(choice) }));
  switch (valueShape(op)) {
    case "none":
      return null;
    case "list": {
      const items = Array.isArray(value) ? value.map(String) : [];
      return type === "choice" ? (
        <MultiSelect
          aria-label={words.value}
          data={options}
          value={items}
          onChange={onChange}
          error={errors.value}
          disabled={disabled}
          searchable
          flex={1}
        />
      ) : (
        <TagsInput
          aria-label={words.value}
          placeholder={items.length === 0 ? words.listPlaceholder : undefined}
          value={items}
          onChange={onChange}
          error={errors.value}
          disabled={disabled}
          flex={1}
        />
      );
    }
    case "pair": {
      const [from, to] = Array.isArray(value) ? (value as [ScalarDraft, ScalarDraft]) : (["", ""] as const);
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap" flex={1}>
          <ScalarInput
            type={type}
            label={`${words.value}, ${words.from.toLowerCase()}`}
            value={from}
            onChange={(end) => onChange([end, to])}
            error={errors.first ?? errors.value}
            disabled={disabled}
            options={options}
          />
          <Text size="sm" c="dimmed" mt={7}>
            {words.and}
          </Text>
          <ScalarInput
            type={type}
            label={`${words.value}, ${words.to.toLowerCase()}`}
            value={to}
            onChange={(end) => onChange([from, end])}
            error={errors.second}
            disabled={disabled}
            options={options}
          />
        </Group>
      );
    }
    case "span": {
      const span = (value ?? { amount: "", unit: "days" }) as SpanDraft;
      // A date has no time of day, so it counts in whole days.
      const units = type === "date" ? (["days"] as const) : RELATIVE_UNITS;
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap" flex={1}>
          <NumberInput
            aria-label={words.amount}
            value={span.amount}
            onChange={(amount) => onChange({ ...span, amount })}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            error={errors.value}
            disabled={disabled}
            w={90}
          />
          <Select
            aria-label={words.unit}
            data={units.map((unit) => ({ value: unit, label: words.units[unit] }))}
            value={span.unit}
            onChange={(unit) => unit && onChange({ ...span, unit: unit as RelativeUnit })}
            allowDeselect={false}
            error={errors.unit}
            disabled={disabled}
            w={120}
          />
          {op === "more_than_ago" && (
            <Text size="sm" c="dimmed" mt={7}>
              {words.ago}
            </Text>
          )}
        </Group>
      );
    }
    case "scalar":
      return (
        <ScalarInput
          type={op === "contains" || op === "starts_with" ? "text" : type}
          label={words.value}
          value={value as ScalarDraft}
          onChange={onChange}
          error={errors.value}
          disabled={disabled}
          options={options}
        />
      );
  }
}

interface ScalarInputProps {
  type: FieldType;
  label: string;
  value: ScalarDraft;
  onChange: (value: ScalarDraft) => void;
  error: string | undefined;
  disabled: boolean;
  options: { value: string; label: string }[];
}

function ScalarInput({ type, label, value, onChange, error, disabled, options }: ScalarInputProps) {
  const { t, locale } = useI18n();
  const common = { "aria-label": label, error, disabled, flex: 1, miw: 120 };
  const text = typeof value === "string" ? value : "";
  const decimalSeparator = locale === "sv" ? "," : ".";
  switch (type) {
    case "number":
    case "kronor":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" || typeof value === "string" ? value : ""}
          onChange={onChange}
          decimalSeparator={decimalSeparator}
          thousandSeparator={type === "kronor" ? (locale === "sv" ? "\u00a0" : ",") : undefined}
          suffix={type === "kronor" ? " kr" : undefined}
          hideControls
        />
      );
    case "boolean":
      return (
        <Select
          {...common}
          data={[
            { value: "true", label: t.rules.condition.yes },
            { value: "false", label: t.rules.condition.no },
          ]}
          value={value === false ? "false" : "true"}
          onChange={(choice) => onChange(choice !== "false")}
          allowDeselect={false}
        />
      );
    case "choice":
      return <Select {...common} data={options} value={text || null} onChange={(choice) => onChange(choice ?? "")} />;
    case "date":
      return <DateField {...common} value={text} onChange={onChange} />;
    case "timestamp":
      return <DateTimeField {...common} value={text} onChange={onChange} />;
    case "text":
      return <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}
