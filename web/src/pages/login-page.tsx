import { Box, Center, Loader, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { SetupForm } from "../auth/setup-form";
import { setupQuery } from "../auth/setup-query";
import { SignInForm } from "../auth/sign-in-form";
import { isLocale, LOCALES } from "../i18n/locale";
import { localeStore } from "../i18n/locale-store";
import { LANGUAGE_NAMES, useI18n } from "../i18n/use-i18n";
import { Logo } from "../shell/logo";

const loginRoute = getRouteApi("/login");

/** Signs in, or on a new installation creates the first administrator instead. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const { redirect } = loginRoute.useSearch();
  const router = useRouter();
  const setup = useQuery(setupQuery);
  const enter = () => router.history.push(redirect ?? "/");

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={setup.data?.needed ? 440 : 400}>
        <Stack align="center" gap={4} mb="xl">
          <Logo size="xl" />
          <Text c="dimmed" size="sm" ta="center">
            {t.tagline}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" radius="lg" p="xl">
          {setup.isPending ? (
            <Center py="xl">
              <Loader size="sm" type="dots" />
            </Center>
          ) : setup.data?.needed ? (
            <SetupForm onSignedIn={enter} />
          ) : (
            <SignInForm onSignedIn={enter} />
          )}
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
