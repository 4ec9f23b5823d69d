import { type ComboboxItem, type ComboboxParsedItem, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { fieldLabel } from "./field-label";
import { FIELD_GROUPS, type RuleField } from "./types";

/** What the server accepts after `event.properties.`: a name, or a dotted path of up to four. */
const PROPERTY_NAME = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*){0,3}$/;

interface FieldPickerProps {
  value: string;
  fields: readonly RuleField[];
  /** Whether the event's own fields apply: only a rule set off by an event has one. */
  withEvent: boolean;
  onChange: (key: string) => void;
  error?: string;
  disabled: boolean;
}

const matches = (item: ComboboxItem, search: string) =>
  item.label.toLowerCase().includes(search) || item.value.toLowerCase().includes(search);

/**
 * A field, found by its name or key and grouped as Person, Computed traits, Orders and Event. A
 * property of the event not in the list is offered as typed, as text or as a number.
 */
export function FieldPicker({ value, fields, withEvent, onChange, error, disabled }: FieldPickerProps) {
  const { t } = useI18n();
  const words = t.rules.condition;
  const label = (key: string) => fieldLabel(key, fields, t);
  const [search, setSearch] = useState(value ? label(value) : "");
  const typed = search.trim();
  const showEvent = withEvent || value.startsWith("event.");
  const properties = new Set<string>();
  if (value.startsWith("event.") && !fields.some((field) => field.key === value)) properties.add(value);
  if (showEvent && typed !== (value ? label(value) : "") && PROPERTY_NAME.test(typed)) {
    properties.add(`event.properties.${typed}`);
    properties.add(`event.number.${typed}`);
  }
  const data = FIELD_GROUPS.filter((group) => group !== "event" || showEvent)
    .map((group) => ({
      group: words.groups[group] ?? group,
      items: [
        ...fields.filter((field) => field.group === group).map((field) => field.key),
        ...(group === "event" ? [...properties] : []),
      ].map((key) => ({ value: key, label: label(key) })),
    }))
    .filter((group) => group.items.length > 0);
  return (
    <Select
      aria-label={words.field}
      placeholder={words.fieldPlaceholder}
      data={data}
      value={value || null}
      onChange={(key) => key && onChange(key)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Typed property names are offered whatever they match; known fields by their name or key.
      filter={({ options, search: text }) =>
        filterGroups(options, text.trim().toLowerCase(), (item) => properties.has(item.value))
      }
      nothingFoundMessage={words.nothingFound}
      allowDeselect={false}
      maxDropdownHeight={320}
      comboboxProps={{ width: 360, position: "bottom-start" }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {option.value}
          </Text>
        </Stack>
      )}
      error={error}
      disabled={disabled}
      flex={1.2}
      miw={200}
    />
  );
}

function filterGroups(
  options: ComboboxParsedItem[],
  search: string,
  always: (item: ComboboxItem) => boolean,
): ComboboxParsedItem[] {
  return options
    .map((option) =>
      "group" in option
        ? { ...option, items: option.items.filter((item) => always(item) || matches(item, search)) }
        : option,
    )
    .filter((option) => ("group" in option ? option.items.length > 0 : always(option) || matches(option, search)));
}
