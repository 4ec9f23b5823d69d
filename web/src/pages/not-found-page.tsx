import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Center mih="60vh">
      <Stack align="center" gap="md">
        <Text c="dimmed" fz={48} fw={700}>
          404
        </Text>
        <Title order={1} size="h3">
          {t.notFound.title}
        </Title>
        <Button variant="light" renderRoot={(props) => <Link to="/" {...props} />}>
          {t.notFound.back}
        </Button>
      </Stack>
    </Center>
  );
}
