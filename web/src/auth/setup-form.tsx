import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { type FieldMessages, fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { type FirstAdmin, useCreateFirstAdmin } from "./use-create-first-admin";

type Field = "name" | "email" | "password";

/** Shown instead of the sign-in form while the installation has no users at all. */
export function SetupForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, locale } = useI18n();
  const create = useCreateFirstAdmin();
  const [draft, setDraft] = useState({ name: "", email: "", password: "" });
  const update = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));
  const fieldMessages: Record<Field, FieldMessages> = {
    name: {},
    email: { invalid_format: t.fields.invalidEmail },
    password: { too_small: t.fields.passwordTooShort },
  };
  const fieldError = (field: Field) => fieldProblem(create.error, field, t, fieldMessages[field]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const admin: FirstAdmin = { ...draft, locale };
    create.mutate(admin, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} size="h3">
            {t.setup.title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t.setup.intro}
          </Text>
        </div>
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(create.error, t)}
          </Alert>
        )}
        <TextInput
          label={t.setup.name}
          autoComplete="name"
          value={draft.name}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={fieldError("name")}
          data-autofocus
        />
        <TextInput
          label={t.setup.email}
          type="email"
          autoComplete="username"
          value={draft.email}
          onChange={(event) => update({ email: event.currentTarget.value })}
          error={fieldError("email")}
        />
        <PasswordInput
          label={t.setup.password}
          description={t.setup.passwordHint}
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => update({ password: event.currentTarget.value })}
          error={fieldError("password")}
          visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
        />
        <Button type="submit" loading={create.isPending} fullWidth mt="xs">
          {t.setup.submit}
        </Button>
      </Stack>
    </form>
  );
}
