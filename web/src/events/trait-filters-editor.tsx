import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { CloseIcon, PlusIcon } from "../ui/icons";
import { EMPTY_FILTER, type FilterDraft } from "./trait-draft";
import { isTraitFilterOp, TRAIT_FILTER_OPS } from "./types";

interface TraitFiltersEditorProps {
  filters: FilterDraft[];
  onChange: (filters: FilterDraft[]) => void;
  /** The server's message for a row's field, e.g. ("value", 0). */
  errorAt: (field: keyof FilterDraft, row: number) => string | undefined;
}

/** Conditions on the event's properties, all of which must hold; labels show on the first row only. */
export function TraitFiltersEditor({ filters, onChange, errorAt }: TraitFiltersEditorProps) {
  const { t } = useI18n();
  const change = (row: number, patch: Partial<FilterDraft>) =>
    onChange(filters.map((filter, index) => (index === row ? { ...filter, ...patch } : filter)));
  const labelled = (row: number, label: string) => (row === 0 ? { label } : { "aria-label": `${label} ${row + 1}` });
  return (
    <Stack gap="sm" role="group" aria-label={t.traits.filters}>
      <div>
        <Title order={3} size="h5">
          {t.traits.filters}
        </Title>
        <Text size="sm" c="dimmed">
          {filters.length === 0 ? t.traits.noFilters : t.traits.filtersHint}
        </Text>
      </div>
      {filters.map((filter, row) => (
        // Rows have no id of their own; their position is what the server's errors name.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={row} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            {...labelled(row, t.traits.property)}
            placeholder={t.traits.propertyPlaceholder}
            value={filter.property}
            onChange={(event) => change(row, { property: event.currentTarget.value })}
            error={errorAt("property", row)}
            flex={1}
          />
          <Select
            {...labelled(row, t.traits.op)}
            data={TRAIT_FILTER_OPS.map((op) => ({ value: op, label: t.traits.ops[op] }))}
            value={filter.op}
            onChange={(value) => isTraitFilterOp(value) && change(row, { op: value })}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            {...labelled(row, t.traits.value)}
            placeholder={filter.op === "in" ? t.traits.valueListHint : undefined}
            value={filter.op === "exists" ? "" : filter.value}
            disabled={filter.op === "exists"}
            onChange={(event) => change(row, { value: event.currentTarget.value })}
            error={errorAt("value", row)}
            flex={1}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            mt={row === 0 ? 25 : 0}
            aria-label={t.traits.removeFilter(row + 1)}
            onClick={() => onChange(filters.filter((_, index) => index !== row))}
          >
            <CloseIcon size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onChange([...filters, EMPTY_FILTER])}
        >
          {t.traits.addFilter}
        </Button>
      </Group>
    </Stack>
  );
}
