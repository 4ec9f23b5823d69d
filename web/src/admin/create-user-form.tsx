import { Alert, Button, Group, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { Role, User } from "../api/types";
import type { Locale } from "../i18n/locale";
import { type FieldMessages, fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";
import { LanguageSelect, RoleSelect } from "./user-selects";

interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
  locale: Locale;
}

const EMPTY: NewUser = { name: "", email: "", password: "", role: "sales", locale: "sv" };

export function CreateUserForm() {
  const { t } = useI18n();
  const refreshAdmin = useRefreshAdmin();
  const [draft, setDraft] = useState(EMPTY);
  const create = useMutation({
    mutationFn: (input: NewUser) => api<User>("/api/users", { method: "POST", body: input }),
    onSuccess: () => {
      setDraft(EMPTY);
      return refreshAdmin();
    },
  });
  const update = (change: Partial<NewUser>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft);
  };
  const fieldMessages: Partial<Record<keyof NewUser, FieldMessages>> = {
    email: { invalid_format: t.fields.invalidEmail },
    password: { too_small: t.fields.passwordTooShort },
  };
  const fieldError = (field: keyof NewUser) => fieldProblem(create.error, field, t, fieldMessages[field]);

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.users.newUser}
          </Title>
          {create.isSuccess && (
            <Alert color="pine" variant="light">
              {t.users.createdNotice(create.data.name)}
            </Alert>
          )}
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(create.error, t)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t.users.name}
              value={draft.name}
              onChange={(event) => update({ name: event.currentTarget.value })}
              error={fieldError("name")}
            />
            <TextInput
              label={t.users.email}
              type="email"
              autoComplete="off"
              value={draft.email}
              onChange={(event) => update({ email: event.currentTarget.value })}
              error={fieldError("email")}
            />
            <PasswordInput
              label={t.users.password}
              autoComplete="new-password"
              value={draft.password}
              onChange={(event) => update({ password: event.currentTarget.value })}
              error={fieldError("password")}
              visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
            />
            <RoleSelect value={draft.role} onChange={(role) => update({ role })} error={fieldError("role")} />
            <LanguageSelect
              value={draft.locale}
              onChange={(locale) => update({ locale })}
              error={fieldError("locale")}
            />
            <Group justify="flex-end" align="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t.users.create}
              </Button>
            </Group>
          </SimpleGrid>
        </Stack>
      </form>
    </Paper>
  );
}
