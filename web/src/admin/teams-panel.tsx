import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { Team } from "../api/types";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { DeleteTeamModal } from "./delete-team-modal";
import { useRefreshAdmin } from "./queries";
import { RenameTeamModal } from "./rename-team-modal";
import { TeamsTable } from "./teams-table";

export function TeamsPanel() {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <CreateTeamForm onCreated={setNotice} />
      {notice && (
        <Alert color="pine" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t.teamAdmin.membersHint}
      </Text>
      <TeamsTable
        onRename={(team) => {
          setNotice(null);
          setRenaming(team);
        }}
        onDelete={(team) => {
          setNotice(null);
          setDeleting(team);
        }}
      />
      <RenameTeamModal team={renaming} onClose={() => setRenaming(null)} onRenamed={setNotice} />
      <DeleteTeamModal team={deleting} onClose={() => setDeleting(null)} onDeleted={setNotice} />
    </Stack>
  );
}

function CreateTeamForm({ onCreated }: { onCreated: (message: string) => void }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (value: string) => api<Team>("/api/teams", { method: "POST", body: { name: value } }),
    onSuccess: async (team) => {
      setName("");
      onCreated(t.teamAdmin.created(team.name));
      await refreshAdmin();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name);
  };
  const error = fieldProblem(create.error, "name", t);
  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.teamAdmin.newTeam}
          </Title>
          {create.isError && !error && (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(create.error, t)}
            </Alert>
          )}
          <Group align="flex-start" gap="md">
            <TextInput
              label={t.teamAdmin.name}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={error}
              w={320}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t.teamAdmin.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
