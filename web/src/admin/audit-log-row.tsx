import { Button, Code, SimpleGrid, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { AuditEntry } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";

const asJson = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

export function AuditLogRow({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at, locale)}</Table.Td>
        <Table.Td>{entry.actorLabel}</Table.Td>
        <Table.Td>
          {t.audit.actions[entry.action] ? (
            <Text span size="sm" title={entry.action}>
              {t.audit.actions[entry.action]}
            </Text>
          ) : (
            <Code>{entry.action}</Code>
          )}
        </Table.Td>
        <Table.Td>
          {t.audit.entities[entry.entity] ?? entry.entity}
          {entry.entityId && (
            <Text span c="dimmed" size="xs" ml={6} ff="monospace" title={entry.entityId}>
              {entry.entityId.slice(-8)}
            </Text>
          )}
        </Table.Td>
        <Table.Td ta="right">
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((shown) => !shown)} aria-expanded={open}>
            {open ? t.audit.hideDetails : t.audit.showDetails}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="gray.0">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div>
                <Text size="xs" fw={600} c="dimmed" mb={4}>
                  {t.audit.before}
                </Text>
                <Code block>{asJson(entry.before)}</Code>
              </div>
              <div>
                <Text size="xs" fw={600} c="dimmed" mb={4}>
                  {t.audit.after}
                </Text>
                <Code block>{asJson(entry.after)}</Code>
              </div>
            </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
