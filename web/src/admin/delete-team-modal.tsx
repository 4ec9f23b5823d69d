import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import type { Team } from "../api/types";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";
import { TeamHandOverForm } from "./team-hand-over-form";
import { TeamHoldingsAlert } from "./team-holdings-alert";
import { teamRefusal } from "./team-refusal";

interface DeleteTeamModalProps {
  team: Team | null;
  onClose: () => void;
  onDeleted: (message: string) => void;
}

/**
 * Deleting asks once more. The server refuses while the team still owns customers, has open cases
 * or is named by an active rule; the modal then says which, and what to do first, and offers to
 * hand the customers and cases on right there.
 */
export function DeleteTeamModal({ team, onClose, onDeleted }: DeleteTeamModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={team !== null} onClose={onClose} title={team ? t.teamAdmin.deleteTitle(team.name) : ""} size="md">
      {team && <DeleteTeamForm team={team} onClose={onClose} onDeleted={onDeleted} />}
    </Modal>
  );
}

function DeleteTeamForm({ team, onClose, onDeleted }: DeleteTeamModalProps & { team: Team }) {
  const { t } = useI18n();
  const words = t.teamAdmin;
  const refreshAdmin = useRefreshAdmin();
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/teams/${team.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      onDeleted(words.deleted(team.name));
      onClose();
      await refreshAdmin();
    },
    onError: async (error) => {
      // Deleted meanwhile, in another tab: the list should stop showing it.
      if (error instanceof ApiProblem && error.code === "not_found") await refreshAdmin();
    },
  });
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const refusal = teamRefusal(remove.error);
  const holdsRecords = refusal
    ? refusal.holdings.people + refusal.holdings.organizations + refusal.holdings.openCases > 0
    : false;
  return (
    <Stack gap="md">
      <Text size="sm">{words.deleteText(team.name)}</Text>
      {refusal && <TeamHoldingsAlert refusal={refusal} />}
      {holdsRecords && (
        <TeamHandOverForm
          team={team}
          onHandedOver={(message) => {
            setHandedOver(message);
            // The refusal is out of date; deleting again says whether anything (a rule) still stands in the way.
            remove.reset();
          }}
        />
      )}
      {handedOver && !refusal && (
        <Alert color="green" variant="light" data-testid="team-handed-over">
          {handedOver}
        </Alert>
      )}
      {remove.isError && !refusal && (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(remove.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} data-autofocus>
          {words.cancel}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          {words.confirmDelete}
        </Button>
      </Group>
    </Stack>
  );
}
