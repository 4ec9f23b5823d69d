import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useI18n } from "../i18n/use-i18n";
import { formatOrganisationsnummer } from "../register/format-identity";
import type { Organization } from "../register/types";
import { BuildingIcon, EditIcon } from "../ui/icons";
import { EditOrganizationDrawer } from "./edit-organization-drawer";

export function OrganizationHeader({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const [editing, editor] = useDisclosure(false);
  const subtitle = [
    organization.organisationsnummer && formatOrganisationsnummer(organization.organisationsnummer),
    organization.industry,
  ].filter(Boolean);
  return (
    <Paper withBorder radius="md" p="xl">
      <Group justify="space-between" align="flex-start" gap="lg">
        <Group gap="lg" wrap="nowrap" align="center" preventGrowOverflow={false}>
          <Avatar color="pine" size={72} radius="md">
            <BuildingIcon size={34} />
          </Avatar>
          <Stack gap={6}>
            <Group gap="sm" align="center" preventGrowOverflow={false}>
              <Title order={1} fz={32} lh={1.15}>
                {organization.name}
              </Title>
              {organization.legalForm && (
                <Badge variant="light" color="gray" radius="sm" tt="none" size="md">
                  {organization.legalForm}
                </Badge>
              )}
            </Group>
            {subtitle.length > 0 && <Text c="dimmed">{subtitle.join(" · ")}</Text>}
          </Stack>
        </Group>
        <Button variant="default" leftSection={<EditIcon size={16} />} onClick={editor.open}>
          {t.organization.edit}
        </Button>
      </Group>
      <EditOrganizationDrawer organization={organization} opened={editing} onClose={editor.close} />
    </Paper>
  );
}
