import { Alert, Button, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { ApiKey } from "../api/types";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";

export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (keyName: string) => api<CreatedApiKey>("/api/api-keys", { method: "POST", body: { name: keyName } }),
    onSuccess: (created) => {
      onCreated(created);
      return refreshAdmin();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.apiKeys.newKey}
          </Title>
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(create.error, t)}
            </Alert>
          )}
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t.apiKeys.name}
              description={t.apiKeys.nameHint}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldProblem(create.error, "name", t)}
              maxLength={120}
              flex={1}
              maw={420}
            />
            <Button type="submit" loading={create.isPending} mt={46}>
              {t.apiKeys.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
