import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect } from "react";
import { formatDateTime, formatPercent } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { useCanWriteRegister } from "../register/use-can-write-register";
import { BackLink } from "../ui/back-link";
import { SectionCard } from "../ui/section-card";
import { ComparisonTable } from "./comparison-table";
import { DecidePairButtons } from "./decide-pair-buttons";
import { decisionNoticeStore } from "./decision-notice";
import { OutcomeBadge } from "./outcome-badge";
import { PairRecordsTable } from "./pair-records-table";
import { pairReviewQuery } from "./queries";

const pairRoute = getRouteApi("/shell/people/duplicates/$candidateId");

/** One pair side by side with the matcher's reasons, and the decision: merge, keeping either, or two people. */
export function PairReviewPage() {
  const { t, locale } = useI18n();
  const { candidateId } = pairRoute.useParams();
  const { candidate, a, b } = useSuspenseQuery(pairReviewQuery(candidateId)).data;
  // The queue's word on the last decision is old news once the next pair is open.
  useEffect(() => decisionNoticeStore.set(null), []);
  const canWrite = useCanWriteRegister();
  const gone = [a, b].some((person) => person.mergedInto !== null || person.erasedAt !== null);
  return (
    <Stack gap="lg" maw={1360}>
      <BackLink to="/people/duplicates" label={t.duplicates.back} />
      <Paper withBorder radius="md" p="xl">
        <Group justify="space-between" align="flex-end" gap="lg">
          <Stack gap={6}>
            <Title order={1} fz={28}>
              {t.duplicates.reviewTitle}
            </Title>
            <Text c="dimmed" size="sm">
              {t.duplicates.detectedAt(formatDateTime(candidate.detectedAt, locale))}
            </Text>
          </Stack>
          <Group gap="lg" align="center">
            <Stack gap={0} align="flex-end">
              <Text fz={32} fw={700} lh={1.1} c="pine.8" style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatPercent(candidate.probability, locale, 1)}
              </Text>
              <Text size="xs" c="dimmed">
                {t.duplicates.probabilityHint}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-start">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
                {t.duplicates.suggestion}
              </Text>
              <OutcomeBadge outcome={candidate.outcome} size="md" />
            </Stack>
          </Group>
        </Group>
      </Paper>
      {candidate.status !== "open" && (
        <Alert color="blue" variant="light" role="status">
          {t.duplicates.decidedNotice[candidate.status](
            formatDateTime(candidate.decidedAt ?? candidate.detectedAt, locale),
          )}
        </Alert>
      )}
      {candidate.status === "open" && gone && (
        <Alert color="yellow" variant="light">
          {t.duplicates.goneNotice}
        </Alert>
      )}
      <PairRecordsTable left={a} right={b} comparison={candidate.comparison} />
      {candidate.status === "open" && canWrite && (
        <DecidePairButtons candidate={candidate} left={a} right={b} mergeable={!gone} />
      )}
      <SectionCard title={t.duplicates.explanation}>
        <ComparisonTable candidate={candidate} left={a} right={b} />
      </SectionCard>
    </Stack>
  );
}
