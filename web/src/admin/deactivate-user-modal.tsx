import { Alert, Button, Group, Loader, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { User, UserHoldings } from "../api/types";
import { fieldProblem } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { teamsQuery, useRefreshAdmin, userHoldingsQuery, usersQuery } from "./queries";
import { holdingsText, userProblem } from "./user-problem";

interface DeactivateUserModalProps {
  user: User | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Deactivating asks once more. When the user still owns customers or has open tasks or cases, it says how
 * many and asks who takes them over, and hands them over and deactivates in one step, so nothing
 * is left with someone who can no longer act on it.
 */
export function DeactivateUserModal({ user, onClose, onDone }: DeactivateUserModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t.userAdmin.deactivateTitle(user.name) : ""}
      size="md"
    >
      {user && <DeactivateUserForm user={user} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

/** `user:<id>` or `team:<id>`, so one list offers both. */
type Recipient = `user:${string}` | `team:${string}`;

function DeactivateUserForm({ user, onClose, onDone }: DeactivateUserModalProps & { user: User }) {
  const { t } = useI18n();
  const words = t.userAdmin;
  const refreshAdmin = useRefreshAdmin();
  const holdings = useQuery(userHoldingsQuery(user.id));
  const users = useQuery(usersQuery);
  const teams = useQuery(teamsQuery);
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const holdsAnything = holdings.data
    ? holdings.data.people + holdings.data.organizations + holdings.data.openTasks + holdings.data.openCases > 0
    : false;
  const recipientName = (value: Recipient) => {
    const [kind, id] = value.split(":");
    return kind === "user"
      ? (users.data?.find((other) => other.id === id)?.name ?? "")
      : words.teamOption(teams.data?.find((team) => team.id === id)?.name ?? "");
  };
  const deactivate = useMutation({
    mutationFn: async (): Promise<string> => {
      if (!holdsAnything) {
        await api<User>(`/api/users/${user.id}`, { method: "PATCH", body: { active: false } });
        return words.deactivated(user.name);
      }
      if (!recipient) throw new Error("no recipient");
      const [kind, id] = recipient.split(":");
      const result = await api<UserHoldings & { deactivated: boolean }>(`/api/users/${user.id}/hand-over`, {
        method: "POST",
        body: { to: kind === "user" ? { userId: id } : { teamId: id }, deactivate: true },
      });
      return words.handedOver(user.name, holdingsText(result, t), recipientName(recipient));
    },
    onSuccess: async (message) => {
      onDone(message);
      onClose();
      await refreshAdmin();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deactivate.mutate();
  };
  const recipientError =
    fieldProblem(deactivate.error, "to.userId", t, { same_user: words.sameUser, inactive_user: words.inactiveUser }) ??
    fieldProblem(deactivate.error, "to.teamId", t);
  const options = [
    {
      group: words.usersGroup,
      items: (users.data ?? [])
        .filter((other) => other.active && other.id !== user.id)
        .map((other) => ({ value: `user:${other.id}`, label: other.name })),
    },
    {
      group: words.teamsGroup,
      items: (teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: words.teamOption(team.name) })),
    },
  ].filter((group) => group.items.length > 0);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{words.deactivateText(user.name)}</Text>
        {holdings.isPending && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {words.countingHoldings}
            </Text>
          </Group>
        )}
        {holdings.isError && (
          <Alert color="red" variant="light" role="alert">
            {userProblem(holdings.error, t)}
          </Alert>
        )}
        {holdings.data && holdsAnything && (
          <>
            <Alert color="yellow" variant="light" data-testid="user-holdings">
              {words.holdings(user.name, holdingsText(holdings.data, t))}
            </Alert>
            <Select
              label={words.handOverTo}
              description={words.handOverHint}
              data={options}
              value={recipient}
              onChange={(value) => setRecipient(value as Recipient | null)}
              searchable
              required
              error={recipientError}
              data-autofocus
            />
          </>
        )}
        {deactivate.isError && !recipientError && (
          <Alert color="red" variant="light" role="alert">
            {userProblem(deactivate.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {words.cancel}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={deactivate.isPending}
            disabled={!holdings.isSuccess || (holdsAnything && !recipient)}
          >
            {holdsAnything ? words.handOverAndDeactivate : words.deactivate}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
