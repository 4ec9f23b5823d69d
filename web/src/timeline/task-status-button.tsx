import { Button } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRegister } from "../register/queries";
import { CheckIcon } from "../ui/icons";

/** Marks an open task done, or opens a finished one again. */
export function TaskStatusButton({ taskId, status }: { taskId: string; status: string }) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const open = status === "open";
  const change = useMutation({
    mutationFn: () => api(`/api/tasks/${taskId}`, { method: "PATCH", body: { status: open ? "done" : "open" } }),
    onSuccess: refreshRegister,
  });
  return (
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
  );
}
