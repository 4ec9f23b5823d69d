import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshEvents } from "./queries";
import { isSourceKind, SOURCE_KINDS, type Source, type SourceKind } from "./types";

export interface CreatedSource {
  source: Source;
  writeKey: string;
}

export function CreateSourceForm({ onCreated }: { onCreated: (created: CreatedSource) => void }) {
  const { t } = useI18n();
  const refreshEvents = useRefreshEvents();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<SourceKind>("web");
  const create = useMutation({
    mutationFn: (input: { name: string; kind: SourceKind }) =>
      api<CreatedSource>("/api/sources", { method: "POST", body: input }),
    onSuccess: (created) => {
      setName("");
      onCreated(created);
      return refreshEvents();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, kind });
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4">
              {t.sources.newSource}
            </Title>
            <Text size="sm" c="dimmed">
              {t.sources.intro}
            </Text>
          </div>
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(create.error, t)}
            </Alert>
          )}
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t.sources.name}
              description={t.sources.nameHint}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldProblem(create.error, "name", t)}
              maxLength={120}
              flex={1}
              maw={420}
            />
            <Select
              label={t.sources.kind}
              data={SOURCE_KINDS.map((option) => ({ value: option, label: t.sources.kinds[option] }))}
              value={kind}
              onChange={(value) => isSourceKind(value) && setKind(value)}
              allowDeselect={false}
              error={fieldProblem(create.error, "kind", t)}
              mt={22}
              w={170}
            />
            <Button type="submit" loading={create.isPending} mt={46}>
              {t.sources.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
