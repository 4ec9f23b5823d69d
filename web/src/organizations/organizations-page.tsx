import { Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { bulkMatch } from "../register/bulk-change";
import { ColumnsMenu } from "../register/columns-menu";
import { ImportCsvModal } from "../register/import-csv-modal";
import { sortAfterHiding } from "../register/list-columns";
import { ListFilterBar } from "../register/list-filter-bar";
import { listQueryObject } from "../register/list-filters";
import { SavedListsMenu } from "../register/saved-lists-menu";
import { SelectionBar } from "../register/selection-bar";
import { useCanWriteRegister } from "../register/use-can-write-register";
import { useListColumns } from "../register/use-list-columns";
import { useSelection } from "../register/use-selection";
import { ExportMenu } from "../ui/export-menu";
import { PlusIcon, UploadIcon } from "../ui/icons";
import { CreateOrganizationDrawer } from "./create-organization-drawer";
import { GroupFilter } from "./group-filter";
import { OrganizationsFilters } from "./organizations-filters";
import {
  type OrganizationsSearch,
  organizationsExportHref,
  organizationsQueryParams,
  organizationsSearchFromQuery,
} from "./organizations-search";
import { OrganizationsTable } from "./organizations-table";

const organizationsRoute = getRouteApi("/shell/organizations");

export function OrganizationsPage() {
  const { t } = useI18n();
  const search = organizationsRoute.useSearch();
  const navigate = organizationsRoute.useNavigate();
  const [creating, creator] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  const canWrite = useCanWriteRegister();
  // A new search or filter starts a new selection; a new order of the same rows does not.
  const selection = useSelection(JSON.stringify({ ...search, sort: undefined }));
  const columns = useListColumns("organization", search.sort);
  const changeSearch = (change: OrganizationsSearch) =>
    navigate({ search: (current) => ({ ...current, ...change }), replace: true });
  return (
    <Stack gap="lg" maw={1320}>
      <Group justify="space-between" align="center">
        <Title order={1}>{t.modules.organizations}</Title>
        <Group gap="sm">
          {canWrite && (
            <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={importer.open}>
              {t.csvImport.open}
            </Button>
          )}
          <ExportMenu
            label={t.organizations.exportCsv}
            href={(separator) => organizationsExportHref(search, separator)}
          />
          <Button leftSection={<PlusIcon size={16} />} onClick={creator.open}>
            {t.organizations.newOrganization}
          </Button>
        </Group>
      </Group>
      <OrganizationsFilters search={search} onChange={changeSearch} />
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <ListFilterBar entity="organization" filters={search.filter} onChange={changeSearch} />
        <Group gap="xs" wrap="nowrap">
          <SavedListsMenu
            entity="organization"
            query={listQueryObject(organizationsQueryParams(search))}
            onOpen={(query) => navigate({ search: organizationsSearchFromQuery(query), replace: false })}
          />
          <ColumnsMenu columns={columns} onHide={(id) => changeSearch({ sort: sortAfterHiding(search.sort, id) })} />
        </Group>
      </Group>
      {search.group && <GroupFilter organizationId={search.group} onClear={() => changeSearch({ group: undefined })} />}
      {canWrite && (
        <SelectionBar
          entity="organizations"
          selection={selection}
          match={bulkMatch(organizationsQueryParams(search))}
        />
      )}
      <OrganizationsTable
        search={search}
        selection={canWrite ? selection : undefined}
        columns={columns.shown}
        onSort={(sort) => changeSearch({ sort })}
      />
      <CreateOrganizationDrawer opened={creating} onClose={creator.close} />
      <ImportCsvModal kind="organizations" opened={importing} onClose={importer.close} />
    </Stack>
  );
}
