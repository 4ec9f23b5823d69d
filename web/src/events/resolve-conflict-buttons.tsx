import { Button, Group, Text, Tooltip } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRegister } from "../register/queries";
import { useRefreshEvents } from "./queries";
import type { IdentityConflict } from "./types";

type Decision = "keep" | "move";

/** Keep the id where it is, or move it to the person who claimed it; both end the conflict. */
export function ResolveConflictButtons({ conflict }: { conflict: IdentityConflict }) {
  const { t } = useI18n();
  const refreshEvents = useRefreshEvents();
  const refreshRegister = useRefreshRegister();
  const resolve = useMutation({
    mutationFn: (decision: Decision) =>
      api<IdentityConflict>(`/api/identity-conflicts/${conflict.id}/resolve`, { method: "POST", body: { decision } }),
    // A moved id changes whose timeline later events land in.
    onSuccess: () => Promise.all([refreshEvents(), refreshRegister()]),
  });
  const pending = (decision: Decision) => resolve.isPending && resolve.variables === decision;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {resolve.isError && (
        <Text size="xs" c="red.7" role="alert">
          {problemMessage(resolve.error, t)}
        </Text>
      )}
      <Tooltip label={t.conflicts.keepHint} multiline w={240} withArrow>
        <Button
          size="compact-sm"
          variant="default"
          loading={pending("keep")}
          disabled={resolve.isPending}
          onClick={() => resolve.mutate("keep")}
        >
          {t.conflicts.keep}
        </Button>
      </Tooltip>
      <Tooltip label={t.conflicts.moveHint} multiline w={240} withArrow>
        <Button
          size="compact-sm"
          variant="light"
          loading={pending("move")}
          disabled={resolve.isPending}
          onClick={() => resolve.mutate("move")}
        >
          {t.conflicts.move}
        </Button>
      </Tooltip>
    </Group>
  );
}
