import { ActionIcon, Group, Select, Stack, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { CloseIcon } from "../ui/icons";
import { useConditionEditing } from "./condition-context";
import { fieldType, type RowDraft, withField } from "./condition-draft";
import { FieldPicker } from "./field-picker";
import { OPERATORS_BY_TYPE, valueShape } from "./operators";
import type { Operator } from "./types";
import { defaultValue } from "./value-draft";
import { ValueInput } from "./value-input";

/** One comparison: a field, how it compares, and with what. */
export function ConditionRow({ row, removable }: { row: RowDraft; removable: boolean }) {
  const { t } = useI18n();
  const { fields, withEvent, paths, numbers, problems, disabled, update } = useConditionEditing();
  const words = t.rules.condition;
  const path = paths.get(row.id) ?? "";
  const type = fieldType(row.field, fields);
  const change = (next: (current: RowDraft) => RowDraft) =>
    update(row.id, (node) => (node.kind === "row" ? next(node) : node));
  const changeOp = (op: Operator) =>
    change((current) => {
      const keep = valueShape(op) === valueShape(current.op) && type !== undefined;
      return { ...current, op, value: keep ? current.value : defaultValue(type ?? "text", op) };
    });
  const valuePath = `${path}.value`;
  const valueErrors = {
    value:
      [...problems.under(valuePath, [`${valuePath}.0`, `${valuePath}.1`, `${valuePath}.unit`])].join(" ") || undefined,
    first: problems.under(`${valuePath}.0`).join(" ") || undefined,
    second: problems.under(`${valuePath}.1`).join(" ") || undefined,
    unit: problems.at(`${valuePath}.unit`),
  };
  // A fault with the row as a whole (its shape) is told beside it rather than lost.
  const rowFaults = problems.at(path);
  return (
    <Stack gap={4} role="group" aria-label={`${words.rowName} ${numbers.get(row.id) ?? ""}`.trim()}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <FieldPicker
          value={row.field}
          fields={fields}
          withEvent={withEvent}
          onChange={(key) => change((current) => withField(current, key, fields))}
          error={problems.at(`${path}.field`)}
          disabled={disabled}
        />
        <Select
          aria-label={words.op}
          data={(type ? OPERATORS_BY_TYPE[type] : []).map((op) => ({ value: op, label: words.ops[op] }))}
          value={type ? row.op : null}
          onChange={(op) => op && changeOp(op as Operator)}
          allowDeselect={false}
          error={problems.at(`${path}.op`)}
          disabled={disabled || !type}
          w={160}
          style={{ flexShrink: 0 }}
        />
        {type && (
          <ValueInput
            type={type}
            field={row.field}
            op={row.op}
            choices={fields.find((field) => field.key === row.field)?.choices}
            value={row.value}
            onChange={(value) => change((current) => ({ ...current, value }))}
            errors={valueErrors}
            disabled={disabled}
          />
        )}
        {!type && <div style={{ flex: 1 }} />}
        {removable && !disabled && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            aria-label={words.removeRow}
            onClick={() => update(row.id, () => null)}
          >
            <CloseIcon size={16} />
          </ActionIcon>
        )}
      </Group>
      {rowFaults && (
        <Text size="xs" c="red.7">
          {rowFaults}
        </Text>
      )}
    </Stack>
  );
}
