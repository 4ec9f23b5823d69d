import { Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { DownloadIcon, PlusIcon } from "../ui/icons";
import { CreateOrganizationDrawer } from "./create-organization-drawer";
import { OrganizationsFilters } from "./organizations-filters";
import { type OrganizationsSearch, organizationsExportHref } from "./organizations-search";
import { OrganizationsTable } from "./organizations-table";

const organizationsRoute = getRouteApi("/shell/organizations");

export function OrganizationsPage() {
  const { t } = useI18n();
  const search = organizationsRoute.useSearch();
  const navigate = organizationsRoute.useNavigate();
  const [creating, creator] = useDisclosure(false);
  const changeSearch = (change: OrganizationsSearch) =>
    navigate({ search: (current) => ({ ...current, ...change }), replace: true });
  return (
    <Stack gap="lg" maw={1320}>
      <Group justify="space-between" align="center">
        <Title order={1}>{t.modules.organizations}</Title>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<DownloadIcon size={16} />}
            renderRoot={(props) => <a href={organizationsExportHref(search)} download {...props} />}
          >
            {t.organizations.exportCsv}
          </Button>
          <Button leftSection={<PlusIcon size={16} />} onClick={creator.open}>
            {t.organizations.newOrganization}
          </Button>
        </Group>
      </Group>
      <OrganizationsFilters search={search} onChange={changeSearch} />
      <OrganizationsTable search={search} />
      <CreateOrganizationDrawer opened={creating} onClose={creator.close} />
    </Stack>
  );
}
