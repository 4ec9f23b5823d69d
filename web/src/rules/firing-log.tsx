import { Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { PersonLink } from "../events/person-link";
import { formatDateTimeSeconds } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { ExplanationLines } from "./explanation-lines";
import { FiringResults } from "./firing-results";
import { FiringStatusBadge } from "./firing-status-badge";
import { ruleFiringsQuery } from "./queries";

const COLUMNS = 5;

/** The rule's latest decisions: for whom it fired, why, and what its actions did. */
export function FiringLog({ ruleId }: { ruleId: string }) {
  const { t, locale } = useI18n();
  const words = t.rules.firings;
  const firings = useQuery(ruleFiringsQuery(ruleId));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t.rules.tabs.firings}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{words.time}</Table.Th>
              <Table.Th>{words.person}</Table.Th>
              <Table.Th>{words.status}</Table.Th>
              <Table.Th>{words.explanation}</Table.Th>
              <Table.Th>{words.results}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={COLUMNS}
              loading={firings.isPending}
              error={firings.isError ? problemMessage(firings.error, t) : null}
              empty={words.empty}
              rows={firings.data?.length}
            />
            {firings.data?.map((firing) => (
              <Table.Tr key={firing.id} style={{ verticalAlign: "top" }}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTimeSeconds(firing.firedAt, locale)}</Table.Td>
                <Table.Td>
                  {firing.personId ? (
                    <PersonLink personId={firing.personId} fallback={words.unknownPerson} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {words.noPerson}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <FiringStatusBadge status={firing.status} />
                    <Text size="xs" c="dimmed">
                      {words.ruleVersion(firing.ruleVersion)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ExplanationLines lines={firing.explanation} />
                </Table.Td>
                <Table.Td maw={320}>
                  <FiringResults firing={firing} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
