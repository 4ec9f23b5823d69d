import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useSignIn } from "../auth/use-sign-in";
import { isLocale, LOCALES } from "../i18n/locale";
import { localeStore } from "../i18n/locale-store";
import { fieldProblem, problemMessage } from "../i18n/problem-message";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";
import { Logo } from "../shell/logo";

const loginRoute = getRouteApi("/login");

export function LoginPage() {
  const { t, locale } = useI18n();
  const { redirect } = loginRoute.useSearch();
  const router = useRouter();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => router.history.push(redirect ?? "/") });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={400}>
        <Stack align="center" gap={4} mb="xl">
          <Logo size="xl" />
          <Text c="dimmed" size="sm" ta="center">
            {t.tagline}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" radius="lg" p="xl">
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
        </Paper>
        <Center mt="lg">
          <SegmentedControl
            size="xs"
            value={locale}
            onChange={(value) => isLocale(value) && localeStore.set(value)}
            data={LOCALES.map((option) => ({ value: option, label: LANGUAGE_NAMES[option] }))}
          />
        </Center>
      </Box>
    </Center>
  );
}
