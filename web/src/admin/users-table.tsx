import { Badge, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { usersQuery } from "./queries";

export function UsersTable() {
  const { t, locale } = useI18n();
  const users = useQuery(usersQuery);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.users.name}</Table.Th>
              <Table.Th>{t.users.email}</Table.Th>
              <Table.Th>{t.users.role}</Table.Th>
              <Table.Th>{t.users.language}</Table.Th>
              <Table.Th>{t.users.status}</Table.Th>
              <Table.Th>{t.users.created}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={6}
              loading={users.isPending}
              error={users.isError ? problemMessage(users.error, t) : null}
              empty={null}
            />
            {users.data?.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td fw={500}>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.role === "admin" ? "pine" : "gray"} radius="sm" tt="none">
                    {t.roles[user.role]}
                  </Badge>
                </Table.Td>
                <Table.Td>{LANGUAGE_NAMES[user.locale]}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={user.active ? undefined : "red.7"}>
                    {user.active ? t.users.active : t.users.inactive}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(user.createdAt, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
