import { Button, Group, Select } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { Team } from "../api/types";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { teamsQuery, usersQuery } from "./queries";
import { holdingsText } from "./user-problem";

/** `user:<id>` or `team:<id>`, so one list offers both. */
type Recipient = `user:${string}` | `team:${string}`;

interface TeamHandOverFormProps {
  team: Team;
  /** Told what was handed over, in words, once the team holds no customers or open cases. */
  onHandedOver: (message: string) => void;
}

/**
 * Offered where a deletion was refused for the team's customers or cases: all of them go to one
 * user or another team in one step, instead of one record at a time, and the deletion can follow.
 */
export function TeamHandOverForm({ team, onHandedOver }: TeamHandOverFormProps) {
  const { t } = useI18n();
  const words = t.teamAdmin;
  const users = useQuery(usersQuery);
  const teams = useQuery(teamsQuery);
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const handOver = useMutation({
    mutationFn: async (to: Recipient): Promise<string> => {
      const [kind, id] = to.split(":");
      const moved = await api<{ people: number; organizations: number; openCases: number }>(
        `/api/teams/${team.id}/hand-over`,
        { method: "POST", body: { to: kind === "user" ? { userId: id } : { teamId: id } } },
      );
      const name =
        kind === "user"
          ? (users.data?.find((user) => user.id === id)?.name ?? "")
          : t.userAdmin.teamOption(teams.data?.find((other) => other.id === id)?.name ?? "");
      return words.handedOver(holdingsText({ ...moved, openTasks: 0 }, t), name);
    },
    onSuccess: onHandedOver,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (recipient) handOver.mutate(recipient);
  };
  const error =
    fieldProblem(handOver.error, "to.userId", t, { inactive_user: t.userAdmin.inactiveUser }) ??
    fieldProblem(handOver.error, "to.teamId", t, { same_team: words.sameTeam }) ??
    (handOver.isError ? problemMessage(handOver.error, t) : undefined);
  const options = [
    {
      group: t.userAdmin.usersGroup,
      items: (users.data ?? [])
        .filter((user) => user.active)
        .map((user) => ({ value: `user:${user.id}`, label: user.name })),
    },
    {
      group: t.userAdmin.teamsGroup,
      items: (teams.data ?? [])
        .filter((other) => other.id !== team.id)
        .map((other) => ({ value: `team:${other.id}`, label: t.userAdmin.teamOption(other.name) })),
    },
  ].filter((group) => group.items.length > 0);

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={words.handOverTo}
          description={words.handOverHint}
          data={options}
          value={recipient}
          onChange={(value) => setRecipient(value as Recipient | null)}
          searchable
          error={error}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" loading={handOver.isPending} disabled={!recipient}>
          {words.handOver}
        </Button>
      </Group>
    </form>
  );
}
