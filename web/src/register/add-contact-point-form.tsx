import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { useRefreshRegister } from "./queries";

export type ContactPointKind = "email" | "phone";

const ENDPOINTS = {
  email: { path: "emails", field: "emails.0.address", body: (value: string) => ({ address: value }) },
  phone: { path: "phones", field: "phones.0.number", body: (value: string) => ({ number: value }) },
} as const;

interface AddContactPointFormProps {
  kind: ContactPointKind;
  /** The record's API path, e.g. /api/people/{id}. */
  ownerPath: string;
  onDone: () => void;
}

export function AddContactPointForm({ kind, ownerPath, onDone }: AddContactPointFormProps) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [value, setValue] = useState("");
  const endpoint = ENDPOINTS[kind];
  const add = useMutation({
    mutationFn: (text: string) =>
      api(`${ownerPath}/${endpoint.path}`, { method: "POST", body: endpoint.body(text.trim()) }),
    onSuccess: async () => {
      await refreshRegister();
      onDone();
    },
  });
  const problems = formProblems(add.error, [endpoint.field], t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormProblemAlert error={problems.unplaced.length > 0 ? add.error : null} unplaced={problems.unplaced} />
        <TextInput
          label={kind === "email" ? t.contact.newEmail : t.contact.newPhone}
          type={kind === "email" ? "email" : "tel"}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={problems.at(endpoint.field)}
          autoComplete="off"
          data-autofocus
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onDone}>
            {t.register.cancel}
          </Button>
          <Button size="xs" type="submit" loading={add.isPending}>
            {t.register.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
