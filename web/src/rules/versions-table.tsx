import { Paper, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDateTime, formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { ruleVersionsQuery } from "./queries";
import { useUsers } from "./use-users";
import { versionChanges } from "./version-changes";

/** Every version of the rule, newest first: who saved it, when, and what it changed. */
export function VersionsTable({ ruleId }: { ruleId: string }) {
  const { t, locale } = useI18n();
  const words = t.rules.versions;
  const versions = useQuery(ruleVersionsQuery(ruleId));
  // Who by name; the server's label (a rule, or a user no longer in the directory) otherwise.
  const users = useUsers().data ?? [];
  const items = versions.data ?? [];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t.rules.tabs.versions}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{words.version}</Table.Th>
              <Table.Th>{words.changedAt}</Table.Th>
              <Table.Th>{words.changedBy}</Table.Th>
              <Table.Th>{words.changes}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={4}
              loading={versions.isPending}
              error={versions.isError ? problemMessage(versions.error, t) : null}
              empty={words.empty}
              rows={versions.data?.length}
            />
            {items.map((version, index) => (
              <Table.Tr key={version.version}>
                <Table.Td fw={600}>{formatNumber(version.version, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(version.changedAt, locale)}</Table.Td>
                <Table.Td>
                  {users.find((user) => user.id === version.changedBy)?.name ?? version.changedByLabel}
                </Table.Td>
                {/* Newest first, so the version before this one is the next row. */}
                <Table.Td>{versionChanges(version.snapshot, items[index + 1]?.snapshot, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
