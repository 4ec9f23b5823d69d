import { Button, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { DateField } from "../ui/date-field";
import type { FilterField, FilterFieldType } from "./filter-fields";
import {
  type AttributeFilter,
  attributeFilterText,
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  type ConsentChannel,
  type ConsentStatus,
  consentFilterText,
  type FilterOp,
} from "./list-filters";

const OPS_BY_TYPE: Record<FilterFieldType, FilterOp[]> = {
  text: ["contains", "not_contains", "eq", "not_empty", "empty"],
  choice: ["eq", "ne", "not_empty", "empty"],
  number: ["eq", "ne", "gt", "gte", "lt", "lte", "not_empty", "empty"],
  kronor: ["eq", "ne", "gt", "gte", "lt", "lte", "not_empty", "empty"],
  date: ["eq", "lt", "gt", "not_empty", "empty"],
  boolean: ["eq", "empty"],
  presence: ["not_empty", "empty"],
};

/**
 * Builds one filter: a field (the register's own, a custom attribute, or for people a consent
 * channel), then what to compare it with, in the input its type takes. Hands the filter over as
 * the API writes it.
 */
export function AddFilterForm({
  fields,
  withConsents,
  onAdd,
}: {
  fields: readonly FilterField[];
  withConsents: boolean;
  onAdd: (added: { filter: string } | { consent: string }) => void;
}) {
  const { t } = useI18n();
  const words = t.listFilters;
  const [field, setField] = useState<string | null>(null);
  const [op, setOp] = useState<FilterOp | null>(null);
  const [value, setValue] = useState<string>("");
  const attribute = fields.find((candidate) => candidate.field === field);
  const consentChannel = field?.startsWith("consent.") ? (field.slice("consent.".length) as ConsentChannel) : null;
  const chooseField = (next: string | null) => {
    setField(next);
    const type = fields.find((candidate) => candidate.field === next)?.type;
    setOp(type ? (OPS_BY_TYPE[type][0] ?? null) : null);
    setValue("");
  };
  const needsValue = op !== "empty" && op !== "not_empty";
  const complete = consentChannel ? value !== "" : attribute && op && (!needsValue || value.trim() !== "");
  const submit = () => {
    if (consentChannel) {
      onAdd({ consent: consentFilterText({ channel: consentChannel, status: value as ConsentStatus }) });
      return;
    }
    if (!attribute || !op) return;
    const filter: AttributeFilter = needsValue
      ? { field: attribute.field, op, value: value.trim() }
      : { field: attribute.field, op };
    onAdd({ filter: attributeFilterText(filter) });
  };
  const fieldOptions = [
    ...(["register", "custom"] as const).map((group) => ({
      group: group === "register" ? words.register : words.attributes,
      items: fields.filter((each) => each.group === group).map((each) => ({ value: each.field, label: each.label })),
    })),
    ...(withConsents
      ? [
          {
            group: words.consents,
            items: CONSENT_CHANNELS.map((channel) => ({
              value: `consent.${channel}`,
              label: words.consentChannel[channel] ?? channel,
            })),
          },
        ]
      : []),
  ].filter((group) => group.items.length > 0);
  const opLabel = (each: FilterOp): string =>
    (attribute?.type === "date" ? words.dateOps[each] : undefined) ?? words.ops[each] ?? each;
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) submit();
      }}
    >
      <Select
        label={words.field}
        placeholder={words.fieldPlaceholder}
        data={fieldOptions}
        value={field}
        onChange={chooseField}
        searchable
      />
      {consentChannel && (
        <Select
          label={words.answer}
          data={CONSENT_STATUSES.map((status) => ({ value: status, label: words.consentStatus[status] ?? status }))}
          value={value || null}
          onChange={(next) => setValue(next ?? "")}
        />
      )}
      {attribute && attribute.type === "boolean" && (
        <Select
          label={words.value}
          data={[
            { value: "eq:true", label: words.yes },
            { value: "eq:false", label: words.no },
            { value: "empty:", label: words.none },
          ]}
          value={op && (op === "empty" ? "empty:" : value ? `${op}:${value}` : null)}
          onChange={(next) => {
            const [nextOp = "eq", nextValue = ""] = (next ?? "").split(":");
            setOp(nextOp as FilterOp);
            setValue(nextValue);
          }}
        />
      )}
      {attribute && attribute.type !== "boolean" && (
        <Select
          label={words.op}
          data={OPS_BY_TYPE[attribute.type].map((each) => ({ value: each, label: opLabel(each) }))}
          value={op}
          onChange={(next) => setOp((next as FilterOp | null) ?? null)}
          allowDeselect={false}
        />
      )}
      {attribute && needsValue && attribute.type === "choice" && (
        <Select
          label={words.value}
          data={[...(attribute.choices ?? [])]}
          value={value || null}
          onChange={(next) => setValue(next ?? "")}
        />
      )}
      {attribute && needsValue && (attribute.type === "number" || attribute.type === "kronor") && (
        <NumberInput
          label={words.value}
          value={value === "" ? "" : Number(value)}
          onChange={(next) => setValue(next === "" ? "" : String(next))}
          thousandSeparator=" "
          decimalSeparator=","
          suffix={attribute.type === "kronor" ? " kr" : undefined}
        />
      )}
      {attribute && needsValue && attribute.type === "date" && (
        <DateField label={words.value} value={value || null} onChange={setValue} />
      )}
      {attribute && needsValue && attribute.type === "text" && (
        <TextInput label={words.value} value={value} onChange={(event) => setValue(event.currentTarget.value)} />
      )}
      <Button type="submit" disabled={!complete}>
        {words.apply}
      </Button>
    </Stack>
  );
}
