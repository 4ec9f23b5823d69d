import { Select, Stack, Text } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { customAttributesQuery } from "./queries";

export type ImportKind = "people" | "organizations" | "orders" | "activities";

const importFieldsQuery = (kind: ImportKind) =>
  queryOptions({
    queryKey: ["import-fields", kind],
    queryFn: () => api<{ fields: string[] }>(`/api/imports/${kind}/fields`),
    select: (body) => body.fields,
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * The columns the import did not recognise, each with what to read it as: a field of the
 * register or a custom attribute, or nothing. The choice goes with the next run as `map`.
 */
export function ColumnMapping({
  kind,
  columns,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  columns: readonly string[];
  mapping: Readonly<Record<string, string>>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const { t } = useI18n();
  const words = t.csvImport;
  const fields = useQuery(importFieldsQuery(kind));
  const entity = kind === "organizations" ? "organization" : "person";
  const attributes = useQuery({
    ...customAttributesQuery(entity),
    enabled: kind === "people" || kind === "organizations",
  });
  const data = [
    {
      group: words.registerFields,
      items: (fields.data ?? []).map((field) => ({ value: field, label: words.fieldNames[field] ?? field })),
    },
    {
      group: words.customFields,
      items: (kind === "people" || kind === "organizations" ? (attributes.data ?? []) : [])
        .filter((attribute) => !attribute.retired)
        .map((attribute) => ({ value: `custom.${attribute.key}`, label: attribute.label })),
    },
  ].filter((group) => group.items.length > 0);
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={600}>
          {words.mapping}
        </Text>
        <Text size="xs" c="dimmed">
          {words.mappingHint}
        </Text>
      </div>
      {columns.map((column) => (
        <Select
          key={column}
          label={words.readAs(column)}
          placeholder={words.notRead}
          data={data}
          value={mapping[column] ?? null}
          onChange={(field) => {
            const { [column]: _dropped, ...rest } = mapping;
            onChange(field ? { ...rest, [column]: field } : rest);
          }}
          clearable
          searchable
        />
      ))}
    </Stack>
  );
}

/** The mapping as the API's `map` parameter: `Column=field` pairs separated by commas. */
export function mapParam(mapping: Readonly<Record<string, string>>): string | undefined {
  const pairs = Object.entries(mapping).map(([column, field]) => `${column}=${field}`);
  return pairs.length > 0 ? pairs.join(",") : undefined;
}
