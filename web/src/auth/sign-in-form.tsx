import { Alert, Button, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useSignIn } from "./use-sign-in";

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {t.login.title}
        </Title>
        {signIn.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(signIn.error, t)}
          </Alert>
        )}
        <TextInput
          label={t.login.email}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldProblem(signIn.error, "email", t)}
          data-autofocus
        />
        <PasswordInput
          label={t.login.password}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldProblem(signIn.error, "password", t)}
          visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
          {t.login.submit}
        </Button>
      </Stack>
    </form>
  );
}
