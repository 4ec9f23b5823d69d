import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { PlusIcon } from "../ui/icons";
import { ComputedTraitsTable } from "./computed-traits-table";
import { CreateTraitDrawer } from "./create-trait-drawer";
import type { ComputedTrait } from "./types";
import { useCanManageEvents } from "./use-can-manage-events";

export function ComputedTraitsPage() {
  const { t } = useI18n();
  const [creating, creator] = useDisclosure(false);
  const [created, setCreated] = useState<ComputedTrait | null>(null);
  const canManage = useCanManageEvents();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Text c="dimmed" size="sm" maw={720}>
          {t.traits.intro}
        </Text>
        {canManage && (
          <Button leftSection={<PlusIcon size={16} />} onClick={creator.open} style={{ flexShrink: 0 }}>
            {t.traits.newTrait}
          </Button>
        )}
      </Group>
      {created && (
        <Alert
          color="pine"
          variant="light"
          withCloseButton
          closeButtonLabel={t.traits.dismiss}
          onClose={() => setCreated(null)}
        >
          {t.traits.createdNotice(created.label)}
        </Alert>
      )}
      <ComputedTraitsTable />
      <CreateTraitDrawer opened={creating} onClose={creator.close} onCreated={setCreated} />
    </Stack>
  );
}
