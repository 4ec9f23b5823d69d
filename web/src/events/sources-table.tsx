import { Anchor, Badge, Button, Code, Paper, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { sourcesQuery } from "./queries";
import type { Source } from "./types";

export function SourcesTable() {
  const { t } = useI18n();
  const sources = useQuery(sourcesQuery);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.events.tabs.sources}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.sources.name}</Table.Th>
              <Table.Th>{t.sources.kind}</Table.Th>
              <Table.Th>{t.sources.prefix}</Table.Th>
              <Table.Th>{t.sources.created}</Table.Th>
              <Table.Th>{t.sources.status}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={6}
              loading={sources.isPending}
              error={sources.isError ? problemMessage(sources.error, t) : null}
              empty={t.sources.empty}
              rows={sources.data?.length}
            />
            {sources.data?.map((source) => (
              <SourceRow key={source.id} source={source} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The whole row opens the source's debugger; the name is also a real link. */
function SourceRow({ source }: { source: Source }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const open = () => navigate({ to: "/events/sources/$sourceId", params: { sourceId: source.id } });
  return (
    <Table.Tr onClick={open} style={{ cursor: "pointer" }} c={source.revokedAt ? "dimmed" : undefined}>
      <Table.Td>
        <Anchor
          fw={600}
          size="sm"
          c="inherit"
          renderRoot={(props) => <Link to="/events/sources/$sourceId" params={{ sourceId: source.id }} {...props} />}
          onClick={(event) => event.stopPropagation()}
        >
          {source.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{t.sources.kinds[source.kind]}</Table.Td>
      <Table.Td>
        <Code>{source.writeKeyPrefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDate(source.createdAt, locale)}</Table.Td>
      <Table.Td>
        <Badge variant="light" radius="sm" color={source.revokedAt ? "gray" : "pine"} tt="none">
          {source.revokedAt ? t.sources.revoked : t.sources.active}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-sm"
          variant="subtle"
          renderRoot={(props) => <Link to="/events/sources/$sourceId" params={{ sourceId: source.id }} {...props} />}
          onClick={(event) => event.stopPropagation()}
        >
          {t.sources.open}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
