import { Button, Group, Paper, Progress, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { PersonLink } from "../events/person-link";
import { formatDateTime, formatPercent } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { OutcomeBadge } from "./outcome-badge";
import { matchCandidatesQuery } from "./queries";
import type { CandidateStatus, MatchCandidate } from "./types";

const COLUMNS = 5;

/** The pairs of one status, likeliest first; a row opens the pair side by side. */
export function CandidatesTable({ status }: { status: CandidateStatus }) {
  const { t } = useI18n();
  const candidates = useQuery(matchCandidatesQuery(status));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={880}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.duplicates.tab}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.duplicates.pair}</Table.Th>
              <Table.Th w={200}>{t.duplicates.probability}</Table.Th>
              <Table.Th>{t.duplicates.suggestion}</Table.Th>
              <Table.Th>{status === "open" ? t.duplicates.detected : t.duplicates.decided}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={COLUMNS}
              loading={candidates.isPending}
              error={candidates.isError ? problemMessage(candidates.error, t) : null}
              empty={t.duplicates.empty[status]}
              rows={candidates.data?.length}
            />
            {candidates.data?.map((candidate) => (
              <CandidateRow key={candidate.id} candidate={candidate} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function CandidateRow({ candidate }: { candidate: MatchCandidate }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const review = () => navigate({ to: "/people/duplicates/$candidateId", params: { candidateId: candidate.id } });
  const when = candidate.status === "open" ? candidate.detectedAt : (candidate.decidedAt ?? candidate.detectedAt);
  return (
    <Table.Tr onClick={review} style={{ cursor: "pointer" }}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <PersonLink personId={candidate.personA} fallback={t.duplicates.unknownPerson} />
          <Text span size="sm" c="dimmed">
            {t.duplicates.and}
          </Text>
          <PersonLink personId={candidate.personB} fallback={t.duplicates.unknownPerson} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={candidate.probability * 100}
            color={candidate.probability >= 0.9 ? "pine" : "yellow"}
            size="sm"
            w={90}
            aria-hidden
          />
          <Text size="sm" fw={600} style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
            {formatPercent(candidate.probability, locale, 1)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={candidate.outcome} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(when, locale)}</Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-sm"
          variant="light"
          renderRoot={(props) => (
            <Link to="/people/duplicates/$candidateId" params={{ candidateId: candidate.id }} {...props} />
          )}
          onClick={(event) => event.stopPropagation()}
        >
          {candidate.status === "open" ? t.duplicates.review : t.duplicates.view}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
