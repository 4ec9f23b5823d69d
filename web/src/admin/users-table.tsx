import { ActionIcon, Badge, Menu, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { User } from "../api/types";
import { useMe } from "../auth/me-query";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";
import { DotsIcon } from "../ui/icons";
import { TableState } from "../ui/table-state";
import { teamsQuery, usersQuery } from "./queries";

interface UsersTableProps {
  onEdit: (user: User) => void;
  onDeactivate: (user: User) => void;
  onReactivate: (user: User) => void;
}

export function UsersTable({ onEdit, onDeactivate, onReactivate }: UsersTableProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const users = useQuery(usersQuery);
  const teams = useQuery(teamsQuery);
  const teamNames = (user: User) =>
    user.teamIds
      .map((id) => teams.data?.find((team) => team.id === id)?.name)
      .filter((name): name is string => Boolean(name))
      .sort((a, b) => a.localeCompare(b, locale))
      .join(", ");
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.admin.usersTab}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.users.name}</Table.Th>
              <Table.Th>{t.users.email}</Table.Th>
              <Table.Th>{t.users.role}</Table.Th>
              <Table.Th>{t.userAdmin.teams}</Table.Th>
              <Table.Th>{t.users.language}</Table.Th>
              <Table.Th>{t.users.status}</Table.Th>
              <Table.Th>{t.users.created}</Table.Th>
              <Table.Th w={56} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={8}
              loading={users.isPending}
              error={users.isError ? problemMessage(users.error, t) : null}
              empty={null}
            />
            {users.data?.map((user) => (
              <Table.Tr key={user.id} c={user.active ? undefined : "dimmed"}>
                <Table.Td fw={500}>
                  {user.name}
                  {user.id === me.id && (
                    <Text span size="sm" c="dimmed">
                      {` (${t.userAdmin.you})`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.role === "admin" ? "pine" : "gray"} radius="sm" tt="none">
                    {t.roles[user.role]}
                  </Badge>
                </Table.Td>
                <Table.Td>{teamNames(user)}</Table.Td>
                <Table.Td>{LANGUAGE_NAMES[user.locale]}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.active ? "pine" : "red"} radius="sm" tt="none">
                    {user.active ? t.users.active : t.users.inactive}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(user.createdAt, locale)}</Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" width={220} shadow="md">
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={t.userAdmin.actions(user.name)}>
                        <DotsIcon />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onEdit(user)}>{t.userAdmin.edit}</Menu.Item>
                      {user.active && user.id !== me.id && (
                        <Menu.Item color="red" onClick={() => onDeactivate(user)}>
                          {t.userAdmin.deactivate}
                        </Menu.Item>
                      )}
                      {!user.active && (
                        <Menu.Item onClick={() => onReactivate(user)}>{t.userAdmin.reactivate}</Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
