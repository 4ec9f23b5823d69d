import { Button, Center, Paper, Table } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { AuditLogRow } from "./audit-log-row";
import { auditLogQuery } from "./queries";

export function AuditLogPanel() {
  const { t } = useI18n();
  const log = useInfiniteQuery(auditLogQuery);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.audit.at}</Table.Th>
              <Table.Th>{t.audit.actor}</Table.Th>
              <Table.Th>{t.audit.action}</Table.Th>
              <Table.Th>{t.audit.entity}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={5}
              loading={log.isPending}
              error={log.isError ? problemMessage(log.error, t) : null}
              empty={t.audit.empty}
              rows={entries.length}
            />
            {entries.map((entry) => (
              <AuditLogRow key={entry.id} entry={entry} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage && (
        <Center p="md">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
            {t.audit.loadMore}
          </Button>
        </Center>
      )}
    </Paper>
  );
}
