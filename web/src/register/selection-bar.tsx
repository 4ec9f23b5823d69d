import { Button, Group, Paper, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { BulkChangeModal } from "./bulk-change-modal";
import type { Selection } from "./use-selection";

/** Above a list with ticked rows: how many, *Ändra valda* and *Avmarkera*; afterwards, what was done. */
export function SelectionBar({ entity, selection }: { entity: "people" | "organizations"; selection: Selection }) {
  const { t } = useI18n();
  const [changing, changer] = useDisclosure(false);
  const [done, setDone] = useState<number | null>(null);
  if (selection.ids.length === 0) {
    return done === null ? null : (
      <Text size="sm" c="teal.8" role="status">
        {t.bulk.done(done)}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" px="md" py="xs" bg="var(--mantine-color-green-0)">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600} role="status">
          {t.bulk.selected(selection.ids.length)}
        </Text>
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
        ids={selection.ids}
        nameOf={selection.nameOf}
        opened={changing}
        onClose={changer.close}
        onDone={(changed) => {
          setDone(changed);
          selection.clear();
        }}
        onDeselect={selection.remove}
      />
    </Paper>
  );
}
