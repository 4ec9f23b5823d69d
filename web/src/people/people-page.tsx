import { Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { PeopleTabs } from "../duplicates/people-tabs";
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
import { CreatePersonDrawer } from "./create-person-drawer";
import { PeopleFilters } from "./people-filters";
import { type PeopleSearch, peopleExportHref, peopleQueryParams, peopleSearchFromQuery } from "./people-search";
import { PeopleTable } from "./people-table";

const peopleRoute = getRouteApi("/shell/people");

export function PeoplePage() {
  const { t } = useI18n();
  const search = peopleRoute.useSearch();
  const navigate = peopleRoute.useNavigate();
  const [creating, creator] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  const canWrite = useCanWriteRegister();
  // A new search or filter starts a new selection; a new order of the same rows does not.
  const selection = useSelection(JSON.stringify({ ...search, sort: undefined }));
  const columns = useListColumns("person", search.sort);
  const changeSearch = (change: PeopleSearch) =>
    navigate({ search: (current) => ({ ...current, ...change }), replace: true });

  return (
    <Stack gap="lg" maw={1320}>
      <Group justify="space-between" align="center">
        <Title order={1}>{t.modules.people}</Title>
        <Group gap="sm">
          {canWrite && (
            <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={importer.open}>
              {t.csvImport.open}
            </Button>
          )}
          <ExportMenu label={t.people.exportCsv} href={(separator) => peopleExportHref(search, separator)} />
          <Button leftSection={<PlusIcon size={16} />} onClick={creator.open}>
            {t.people.newPerson}
          </Button>
        </Group>
      </Group>
      <PeopleTabs current="/people" />
      <PeopleFilters search={search} onChange={changeSearch} />
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <ListFilterBar entity="person" filters={search.filter} consents={search.consent} onChange={changeSearch} />
        <Group gap="xs" wrap="nowrap">
          <SavedListsMenu
            entity="person"
            query={listQueryObject(peopleQueryParams(search))}
            onOpen={(query) => navigate({ search: peopleSearchFromQuery(query), replace: false })}
          />
          <ColumnsMenu columns={columns} onHide={(id) => changeSearch({ sort: sortAfterHiding(search.sort, id) })} />
        </Group>
      </Group>
      {canWrite && <SelectionBar entity="people" selection={selection} match={bulkMatch(peopleQueryParams(search))} />}
      <PeopleTable
        search={search}
        selection={canWrite ? selection : undefined}
        columns={columns.shown}
        onSort={(sort) => changeSearch({ sort })}
      />
      <CreatePersonDrawer opened={creating} onClose={creator.close} />
      <ImportCsvModal kind="people" opened={importing} onClose={importer.close} />
    </Stack>
  );
}
