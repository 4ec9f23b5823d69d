import { Code, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { PersonLink } from "./person-link";
import { identityConflictsQuery, sourcesQuery } from "./queries";
import { ResolveConflictButtons } from "./resolve-conflict-buttons";
import { useCanManageEvents } from "./use-can-manage-events";

/** Ids two people claim, waiting for someone to decide; nothing is merged on its own. */
export function IdentityConflictsPage() {
  const { t, locale } = useI18n();
  const conflicts = useQuery(identityConflictsQuery);
  const sources = useQuery(sourcesQuery);
  const canManage = useCanManageEvents();
  const sourceName = (id: string) => sources.data?.find((source) => source.id === id)?.name ?? t.register.none;
  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm" maw={720}>
        {t.conflicts.intro}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t.events.tabs.conflicts}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.conflicts.detected}</Table.Th>
                <Table.Th>{t.conflicts.identity}</Table.Th>
                <Table.Th style={{ whiteSpace: "nowrap" }}>{t.conflicts.linked}</Table.Th>
                <Table.Th style={{ whiteSpace: "nowrap" }}>{t.conflicts.claimed}</Table.Th>
                <Table.Th>{t.stream.source}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableState
                columns={6}
                loading={conflicts.isPending}
                error={conflicts.isError ? problemMessage(conflicts.error, t) : null}
                empty={t.conflicts.empty}
                rows={conflicts.data?.length}
              />
              {conflicts.data?.map((conflict) => (
                <Table.Tr key={conflict.id}>
                  <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                    {formatDateTime(conflict.detectedAt, locale)}
                  </Table.Td>
                  <Table.Td maw={360} style={{ verticalAlign: "top" }}>
                    <Text size="sm" fw={500}>
                      {t.conflicts.kinds[conflict.kind]}
                    </Text>
                    <Code fz="xs" style={{ wordBreak: "break-all" }}>
                      {conflict.value}
                    </Code>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t.conflicts.reasons[conflict.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <PersonLink personId={conflict.linkedPersonId} fallback={t.conflicts.unknownPerson} />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <PersonLink personId={conflict.claimedPersonId} fallback={t.conflicts.unknownPerson} />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>{sourceName(conflict.sourceId)}</Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    {canManage && <ResolveConflictButtons conflict={conflict} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
