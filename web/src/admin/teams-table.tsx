import { Button, Group, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Team } from "../api/types";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { teamsQuery, usersQuery } from "./queries";

/** Every team and who is in it; a deactivated member is still listed, marked as such. */
export function TeamsTable({ onRename, onDelete }: { onRename: (team: Team) => void; onDelete: (team: Team) => void }) {
  const { t, locale } = useI18n();
  const teams = useQuery(teamsQuery);
  const users = useQuery(usersQuery);
  const members = (team: Team) =>
    team.memberIds
      .map((id) => users.data?.find((user) => user.id === id))
      .filter((user) => user !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, locale))
      .map((user) => (user.active ? user.name : `${user.name} (${t.users.inactive.toLowerCase()})`))
      .join(", ");
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.admin.teamsTab}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.teamAdmin.name}</Table.Th>
              <Table.Th>{t.teamAdmin.members}</Table.Th>
              <Table.Th w={200} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={3}
              loading={teams.isPending}
              error={teams.isError ? problemMessage(teams.error, t) : null}
              empty={t.teamAdmin.empty}
              rows={teams.data?.length}
            />
            {teams.data?.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td fw={500}>{team.name}</Table.Td>
                <Table.Td>
                  {team.memberIds.length > 0 ? (
                    members(team)
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t.teamAdmin.noMembers}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onRename(team)}
                      aria-label={`${t.teamAdmin.rename}: ${team.name}`}
                    >
                      {t.teamAdmin.rename}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(team)}
                      aria-label={`${t.teamAdmin.delete}: ${team.name}`}
                    >
                      {t.teamAdmin.delete}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
