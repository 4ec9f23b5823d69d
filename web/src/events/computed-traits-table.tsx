import { Badge, Code, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { describeTrait } from "./describe-trait";
import { computedTraitsQuery } from "./queries";

export function ComputedTraitsTable() {
  const { t, locale } = useI18n();
  const traits = useQuery(computedTraitsQuery);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t.events.tabs.traits}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.traits.columns.label}</Table.Th>
              <Table.Th>{t.traits.columns.key}</Table.Th>
              <Table.Th>{t.traits.columns.counts}</Table.Th>
              <Table.Th>{t.traits.columns.window}</Table.Th>
              <Table.Th>{t.traits.columns.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={5}
              loading={traits.isPending}
              error={traits.isError ? problemMessage(traits.error, t) : null}
              empty={t.traits.empty}
              rows={traits.data?.length}
            />
            {traits.data?.map((trait) => (
              <Table.Tr key={trait.id}>
                <Table.Td fw={600}>{trait.label}</Table.Td>
                <Table.Td>
                  <Code>{trait.key}</Code>
                </Table.Td>
                <Table.Td maw={440}>
                  <Text size="sm">{describeTrait(trait, t)}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{t.traits.window(trait.windowDays)}</Table.Td>
                <Table.Td>
                  {/* Until the background job has folded in the stored events, values count only new ones. */}
                  <Badge variant="light" radius="sm" tt="none" color={trait.backfilledAt ? "pine" : "yellow"}>
                    {trait.backfilledAt
                      ? t.traits.backfilled(formatDate(trait.backfilledAt, locale))
                      : t.traits.backfilling}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
