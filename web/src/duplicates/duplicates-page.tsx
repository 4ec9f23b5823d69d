import { Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { CandidatesTable } from "./candidates-table";
import { DecisionNoticeAlert } from "./decision-notice-alert";
import { validateDuplicatesSearch } from "./duplicates-search";
import { PeopleTabs } from "./people-tabs";
import { CANDIDATE_STATUSES, type CandidateStatus } from "./types";

const duplicatesRoute = getRouteApi("/shell/people/duplicates");

/** The review queue: pairs of people who may be one, for a person to merge or tell apart. */
export function DuplicatesPage() {
  const { t } = useI18n();
  const search = duplicatesRoute.useSearch();
  const navigate = duplicatesRoute.useNavigate();
  const status: CandidateStatus = search.status ?? "open";
  return (
    <Stack gap="lg" maw={1320}>
      <Title order={1}>{t.modules.people}</Title>
      <PeopleTabs current="/people/duplicates" />
      <Group justify="space-between" align="flex-start" gap="lg">
        <Text c="dimmed" size="sm" maw={720}>
          {t.duplicates.intro}
        </Text>
        <SegmentedControl
          aria-label={t.duplicates.show}
          value={status}
          onChange={(value) => navigate({ search: validateDuplicatesSearch({ status: value }) })}
          data={CANDIDATE_STATUSES.map((value) => ({ value, label: t.duplicates.statuses[value] }))}
        />
      </Group>
      <DecisionNoticeAlert />
      <CandidatesTable status={status} />
    </Stack>
  );
}
