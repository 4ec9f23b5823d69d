import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import type { Person } from "../register/types";
import { decisionNoticeStore, type NamedPerson } from "./decision-notice";
import { useRefreshDuplicates } from "./queries";
import type { MatchCandidate, Merge } from "./types";

type Decision = "keepLeft" | "keepRight" | "distinct";

interface DecidePairProps {
  candidate: MatchCandidate;
  left: Person;
  right: Person;
  /** False when one record is gone since the pair was found: it can still be told apart, not merged. */
  mergeable: boolean;
}

const named = (person: Person): NamedPerson => ({ id: person.id, name: `${person.greetingName} ${person.surname}` });

/** Merge keeping the left or the right record, or tell the two apart; then back to the queue. */
export function DecidePairButtons({ candidate, left, right, mergeable }: DecidePairProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const refreshDuplicates = useRefreshDuplicates();
  const decide = useMutation({
    mutationFn: async (decision: Decision) => {
      if (decision === "distinct") {
        await api<MatchCandidate>(`/api/match-candidates/${candidate.id}/distinct`, { method: "POST" });
        decisionNoticeStore.set({ kind: "distinct", a: named(left), b: named(right) });
        return;
      }
      const [survivor, merged] = decision === "keepLeft" ? [left, right] : [right, left];
      await api<Merge>(`/api/match-candidates/${candidate.id}/merge`, {
        method: "POST",
        body: { survivorId: survivor.id },
      });
      decisionNoticeStore.set({ kind: "merged", survivor: named(survivor), merged: named(merged) });
    },
    onSuccess: async () => {
      await refreshDuplicates();
      await navigate({ to: "/people/duplicates" });
    },
  });
  const pending = (decision: Decision) => decide.isPending && decide.variables === decision;
  const error =
    decide.error instanceof ApiProblem && decide.error.code === "conflict"
      ? t.duplicates.alreadyDecided
      : decide.isError
        ? problemMessage(decide.error, t)
        : null;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="lg">
          <Text size="sm" c="dimmed" maw={520}>
            {t.duplicates.decisionHint}
          </Text>
          <Group gap="sm">
            <Button
              loading={pending("keepLeft")}
              disabled={!mergeable || (decide.isPending && !pending("keepLeft"))}
              onClick={() => decide.mutate("keepLeft")}
            >
              {t.duplicates.mergeKeepLeft}
            </Button>
            <Button
              loading={pending("keepRight")}
              disabled={!mergeable || (decide.isPending && !pending("keepRight"))}
              onClick={() => decide.mutate("keepRight")}
            >
              {t.duplicates.mergeKeepRight}
            </Button>
            <Button
              variant="default"
              loading={pending("distinct")}
              disabled={decide.isPending && !pending("distinct")}
              onClick={() => decide.mutate("distinct")}
            >
              {t.duplicates.distinct}
            </Button>
          </Group>
        </Group>
        {error && (
          <Text size="sm" c="red.7" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
