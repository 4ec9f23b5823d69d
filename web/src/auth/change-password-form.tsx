import { Alert, Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import type { User } from "../api/types";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";

/**
 * Users change their own password with the current one; their other sessions end, this one
 * stays signed in.
 */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState("");
  const [password, setPassword] = useState("");
  const change = useMutation({
    mutationFn: () => api<User>("/api/me", { method: "PATCH", body: { currentPassword, password } }),
    onSuccess: () => {
      setCurrentPassword("");
      setPassword("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const currentError = fieldProblem(change.error, "currentPassword", t, { wrong_password: t.password.wrongCurrent });
  const newError = fieldProblem(change.error, "password", t, { too_small: t.fields.passwordTooShort });
  return (
    <form onSubmit={submit} noValidate aria-label={t.password.title}>
      <Stack gap="sm">
        {change.isSuccess && (
          <Alert color="pine" variant="light" role="status">
            {t.password.changed}
          </Alert>
        )}
        {change.isError && !currentError && !newError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(change.error, t)}
          </Alert>
        )}
        <PasswordInput
          label={t.password.current}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={currentError}
          visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
        />
        <PasswordInput
          label={t.password.new}
          description={t.password.hint}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={newError}
          visibilityToggleButtonProps={{ "aria-label": t.login.showPassword }}
        />
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {change.isSuccess ? t.password.close : t.password.cancel}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t.password.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
