import { Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRegister } from "../register/queries";
import { useMayChangeTask } from "../register/record-writable";
import { CheckIcon } from "../ui/icons";

interface TaskStatusButtonProps {
  taskId: string;
  status: string;
  /** Who the task is assigned to: they may close it on any customer. */
  assigneeId: string | null;
}

/** Marks an open task done, or opens a finished one again; offered only to those the server lets. */
export function TaskStatusButton({ taskId, status, assigneeId }: TaskStatusButtonProps) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const allowed = useMayChangeTask(assigneeId);
  const open = status === "open";
  const change = useMutation({
    mutationFn: () => api(`/api/tasks/${taskId}`, { method: "PATCH", body: { status: open ? "done" : "open" } }),
    onSuccess: refreshRegister,
  });
  if (!allowed) return null;
  return (
    <Stack gap={4} align="flex-end">
      <Button
        size="compact-xs"
        variant={open ? "light" : "subtle"}
        color={open ? "pine" : "gray"}
        leftSection={open ? <CheckIcon size={14} /> : undefined}
        loading={change.isPending}
        onClick={() => change.mutate()}
      >
        {open ? t.timeline.markDone : t.timeline.reopen}
      </Button>
      {change.isError && (
        <Text size="xs" c="red.7" role="alert" ta="right" maw={260}>
          {problemMessage(change.error, t)}
        </Text>
      )}
    </Stack>
  );
}
