import { Badge, Code, Paper, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { apiKeysQuery, usersQuery } from "./queries";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export function ApiKeysTable() {
  const { t, locale } = useI18n();
  const keys = useQuery(apiKeysQuery);
  const users = useQuery(usersQuery);
  const ownerName = (userId: string) => users.data?.find((user) => user.id === userId)?.name ?? "…";
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.apiKeys.name}</Table.Th>
              <Table.Th>{t.apiKeys.prefix}</Table.Th>
              <Table.Th>{t.apiKeys.owner}</Table.Th>
              <Table.Th>{t.apiKeys.created}</Table.Th>
              <Table.Th>{t.apiKeys.lastUsed}</Table.Th>
              <Table.Th>{t.apiKeys.status}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={7}
              loading={keys.isPending}
              error={keys.isError ? problemMessage(keys.error, t) : null}
              empty={t.apiKeys.empty}
              rows={keys.data?.length}
            />
            {keys.data?.map((key) => (
              <Table.Tr key={key.id} c={key.revokedAt ? "dimmed" : undefined}>
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>{ownerName(key.userId)}</Table.Td>
                <Table.Td>{formatDate(key.createdAt, locale)}</Table.Td>
                <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t.apiKeys.never}</Table.Td>
                <Table.Td>
                  <Badge variant="light" radius="sm" color={key.revokedAt ? "gray" : "pine"} tt="none">
                    {key.revokedAt ? t.apiKeys.revoked : t.apiKeys.active}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{!key.revokedAt && <RevokeApiKeyButton apiKey={key} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
