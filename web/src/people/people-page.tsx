import { Button, Group, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { PeopleTabs } from "../duplicates/people-tabs";
import { useI18n } from "../i18n/use-i18n";
import { ImportCsvModal } from "../register/import-csv-modal";
import { ListFilterBar } from "../register/list-filter-bar";
import { useCanWriteRegister } from "../register/use-can-write-register";
import { ExportMenu } from "../ui/export-menu";
import { PlusIcon, UploadIcon } from "../ui/icons";
import { CreatePersonDrawer } from "./create-person-drawer";
import { PeopleFilters } from "./people-filters";
import { type PeopleSearch, peopleExportHref } from "./people-search";
import { PeopleTable } from "./people-table";

const peopleRoute = getRouteApi("/shell/people");

export function PeoplePage() {
  const { t } = useI18n();
  const search = peopleRoute.useSearch();
  const navigate = peopleRoute.useNavigate();
  const [creating, creator] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  const canWrite = useCanWriteRegister();
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
      <ListFilterBar entity="person" filters={search.filter} consents={search.consent} onChange={changeSearch} />
      <PeopleTable search={search} />
      <CreatePersonDrawer opened={creating} onClose={creator.close} />
      <ImportCsvModal kind="people" opened={importing} onClose={importer.close} />
    </Stack>
  );
}
