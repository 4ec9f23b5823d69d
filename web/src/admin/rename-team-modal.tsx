import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { Team } from "../api/types";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";

interface RenameTeamModalProps {
  team: Team | null;
  onClose: () => void;
  onRenamed: (message: string) => void;
}

export function RenameTeamModal({ team, onClose, onRenamed }: RenameTeamModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={team !== null} onClose={onClose} title={team ? t.teamAdmin.renameTitle(team.name) : ""} size="sm">
      {team && <RenameTeamForm team={team} onClose={onClose} onRenamed={onRenamed} />}
    </Modal>
  );
}

function RenameTeamForm({ team, onClose, onRenamed }: RenameTeamModalProps & { team: Team }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [name, setName] = useState(team.name);
  const rename = useMutation({
    mutationFn: (value: string) => api<Team>(`/api/teams/${team.id}`, { method: "PATCH", body: { name: value } }),
    onSuccess: async (renamed) => {
      onRenamed(t.teamAdmin.renamed(renamed.name));
      onClose();
      await refreshAdmin();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === team.name) onClose();
    else rename.mutate(name);
  };
  const error = fieldProblem(rename.error, "name", t);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {rename.isError && !error && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(rename.error, t)}
          </Alert>
        )}
        <TextInput
          label={t.teamAdmin.name}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.teamAdmin.cancel}
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {t.teamAdmin.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
