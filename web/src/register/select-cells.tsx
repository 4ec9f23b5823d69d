import { Checkbox, Table } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { Selection } from "./use-selection";

/** The header's box: ticks or clears every row the list has shown; half-ticked when some are. */
export function SelectAllHeader({
  selection,
  records,
}: {
  selection: Selection;
  records: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const ticked = records.filter((record) => selection.has(record.id)).length;
  return (
    <Table.Th w={40}>
      <Checkbox
        aria-label={t.bulk.selectAll}
        checked={records.length > 0 && ticked === records.length}
        indeterminate={ticked > 0 && ticked < records.length}
        disabled={records.length === 0}
        onChange={(event) => selection.setAll(records, event.currentTarget.checked)}
      />
    </Table.Th>
  );
}

/** A row's box; a click on it ticks the row rather than opening the record. */
export function SelectCell({ selection, id, name }: { selection: Selection; id: string; name: string }) {
  const { t } = useI18n();
  return (
    <Table.Td w={40} onClick={(event) => event.stopPropagation()}>
      <Checkbox
        aria-label={t.bulk.select(name)}
        checked={selection.has(id)}
        onChange={(event) => selection.set(id, name, event.currentTarget.checked)}
      />
    </Table.Td>
  );
}
