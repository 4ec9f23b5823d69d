import { Button, Group, Paper, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import type { BulkMatch } from "./bulk-change";
import { BulkChangeModal, type BulkResult } from "./bulk-change-modal";
import type { Selection } from "./use-selection";

interface SelectionBarProps {
  entity: "people" | "organizations";
  selection: Selection;
  /** The list's search and filters as the API takes them, for a change to everyone they match. */
  match: BulkMatch;
}

/**
 * Above a list with ticked rows: how many, *Välj alla som matchar listan*, *Ändra valda* and
 * *Avmarkera*; afterwards, what was done.
 */
export function SelectionBar({ entity, selection, match }: SelectionBarProps) {
  const { t } = useI18n();
  const [changing, changer] = useDisclosure(false);
  const [done, setDone] = useState<BulkResult | null>(null);
  if (selection.ids.length === 0 && !selection.allMatching) {
    return done === null ? null : (
      <Text size="sm" c="teal.8" role="status">
        {t.bulk.done(done.changed, done.unchanged)}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" px="md" py="xs" bg="var(--mantine-color-green-0)">
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={600} role="status">
            {selection.allMatching ? t.bulk.allMatching : t.bulk.selected(selection.ids.length)}
          </Text>
          {!selection.allMatching && (
            <Button size="compact-sm" variant="subtle" onClick={selection.chooseAllMatching}>
              {t.bulk.selectAllMatching}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button
            size="compact-sm"
            onClick={() => {
              setDone(null);
              changer.open();
            }}
          >
            {t.bulk.change}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={selection.clear}>
            {t.bulk.deselect}
          </Button>
        </Group>
      </Group>
      <BulkChangeModal
        entity={entity}
        target={selection.allMatching ? { match } : { ids: selection.ids }}
        nameOf={selection.nameOf}
        opened={changing}
        onClose={changer.close}
        onDone={(result) => {
          setDone(result);
          selection.clear();
        }}
        onDeselect={selection.remove}
      />
    </Paper>
  );
}
