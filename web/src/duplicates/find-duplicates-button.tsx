import { Button, Modal } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import type { Person } from "../register/types";
import { SearchIcon } from "../ui/icons";
import { MatchResultView } from "./match-result-view";
import { useRefreshDuplicates } from "./queries";
import type { MatchResult } from "./types";

interface FindDuplicatesProps {
  person: Person;
  /**
   * False hides the button but keeps the result open: a check that merges this record away
   * makes it unavailable at once, and the result must still be read.
   */
  available: boolean;
}

/** Checks the person against the register now, then tells what was merged, queued or found. */
export function FindDuplicatesButton({ person, available }: FindDuplicatesProps) {
  const { t } = useI18n();
  const refreshDuplicates = useRefreshDuplicates();
  const match = useMutation({
    mutationFn: () => api<MatchResult>(`/api/people/${person.id}/match`, { method: "POST" }),
    // Read again before the result shows, so the page behind it already says whether this record lives on.
    onSuccess: () => refreshDuplicates(),
  });
  const shown = match.isSuccess || match.isError;
  return (
    <>
      {available && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<SearchIcon size={14} />}
          loading={match.isPending}
          onClick={() => match.mutate()}
        >
          {t.duplicates.findDuplicates}
        </Button>
      )}
      <Modal opened={shown} onClose={() => match.reset()} title={t.duplicates.matchTitle} size="lg">
        {shown && (
          <MatchResultView
            person={person}
            result={match.data ?? null}
            error={match.error}
            onClose={() => match.reset()}
          />
        )}
      </Modal>
    </>
  );
}
