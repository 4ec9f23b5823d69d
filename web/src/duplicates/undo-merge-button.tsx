import { Button, Group, Popover, Radio, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshDuplicates } from "./queries";
import type { Merge, UndoneMerge } from "./types";

interface UndoMergeProps {
  merge: Merge;
  /** The record the undoing gives back its own page. */
  restoredName: string;
  onUndone: (undone: UndoneMerge) => void;
}

/** Undoing splits a record in two again, so it asks once more. */
export function UndoMergeButton({ merge, restoredName, onUndone }: UndoMergeProps) {
  const { t } = useI18n();
  const refreshDuplicates = useRefreshDuplicates();
  const [opened, setOpened] = useState(false);
  const [pair, setPair] = useState<"distinct" | "review">("distinct");
  const undo = useMutation({
    mutationFn: () => api<UndoneMerge>(`/api/merges/${merge.id}/undo`, { method: "POST", body: { pair } }),
    onSuccess: async (undone) => {
      setOpened(false);
      onUndone(undone);
      await refreshDuplicates();
    },
  });
  const error =
    undo.error instanceof ApiProblem && undo.error.code === "conflict"
      ? t.duplicates.undoConflict
      : undo.isError
        ? problemMessage(undo.error, t)
        : null;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpened((open) => !open)}>
          {t.duplicates.undo}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">{t.duplicates.undoConfirm(restoredName)}</Text>
          {merge.candidateId && (
            <Radio.Group
              label={t.duplicates.undoWhy}
              value={pair}
              onChange={(value) => setPair(value === "review" ? "review" : "distinct")}
            >
              <Stack gap={6} mt={6}>
                <Radio value="distinct" label={t.duplicates.undoDistinct} />
                <Radio value="review" label={t.duplicates.undoReview} />
              </Stack>
            </Radio.Group>
          )}
          {error && (
            <Text size="sm" c="red.7" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t.duplicates.cancel}
            </Button>
            <Button size="xs" color="red" loading={undo.isPending} onClick={() => undo.mutate()}>
              {t.duplicates.undo}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
