import { Button, Checkbox, Popover, Stack, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { ColumnsIcon } from "../ui/icons";
import type { OptionalColumn } from "./list-columns";
import type { ListColumns } from "./use-list-columns";

/** *Kolumner*: the register's extra fields and the custom ones, each a box that shows its column. */
export function ColumnsMenu({ columns, onHide }: { columns: ListColumns; onHide: (id: string) => void }) {
  const { t } = useI18n();
  const shown = new Set(columns.shown.map((column) => column.id));
  const group = (items: OptionalColumn[], heading: string) =>
    items.length > 0 && (
      <Stack gap={6}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {heading}
        </Text>
        {items.map((column) => (
          <Checkbox
            key={column.id}
            label={column.label}
            checked={shown.has(column.id)}
            onChange={(event) => {
              columns.toggle(column.id, event.currentTarget.checked);
              if (!event.currentTarget.checked) onHide(column.id);
            }}
          />
        ))}
      </Stack>
    );
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<ColumnsIcon size={14} />}>
          {t.listColumns.button}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="md" role="group" aria-label={t.listColumns.title} maw={280}>
          {group(
            columns.available.filter((column) => column.group === "register"),
            t.listFilters.register,
          )}
          {group(
            columns.available.filter((column) => column.group === "custom"),
            t.listFilters.attributes,
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
