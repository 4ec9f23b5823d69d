import { Anchor, Button, Center, Paper, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { formatOrganisationsnummer } from "../register/format-identity";
import { columnText, type OptionalColumn } from "../register/list-columns";
import { RecordOwner } from "../register/record-owner";
import { SelectAllHeader, SelectCell } from "../register/select-cells";
import { SortHeader } from "../register/sort-header";
import type { OrganizationSummary } from "../register/types";
import type { Selection } from "../register/use-selection";
import { TableState } from "../ui/table-state";
import { industryInWords } from "./industry-in-words";
import type { OrganizationsSearch } from "./organizations-search";
import { organizationsListQuery } from "./queries";

const COLUMNS = 7;

interface OrganizationsTableProps {
  search: OrganizationsSearch;
  /** The optional columns chosen, shown after the number of people. */
  columns: readonly OptionalColumn[];
  onSort: (sort: string) => void;
  /** Ticked rows, for a change to many; absent for a user who may change nothing. */
  selection?: Selection | undefined;
}

export function OrganizationsTable({ search, columns, onSort, selection }: OrganizationsTableProps) {
  const { t } = useI18n();
  const organizations = useInfiniteQuery(organizationsListQuery(search));
  const rows = organizations.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(search.q || search.city || search.group || search.owner || search.filter?.length);
  // A search is ranked by likeness until a column is chosen.
  const sortable = { sort: search.sort ?? (search.q ? "" : undefined), onSort };
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.modules.organizations}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <SelectAllHeader
                  selection={selection}
                  records={rows.map((organization) => ({ id: organization.id, name: organization.name }))}
                />
              )}
              <SortHeader field="name" {...sortable}>
                {t.organizations.name}
              </SortHeader>
              <Table.Th>{t.organizations.organisationsnummer}</Table.Th>
              <Table.Th>{t.organizations.industry}</Table.Th>
              <SortHeader field="employees" firstDescending align="right" {...sortable}>
                {t.organizations.employees}
              </SortHeader>
              <Table.Th>{t.organizations.town}</Table.Th>
              <SortHeader field="people" firstDescending align="right" {...sortable}>
                {t.organizations.people}
              </SortHeader>
              {columns.map((column) => (
                <SortHeader
                  key={column.id}
                  field={column.id}
                  firstDescending={column.firstDescending}
                  align={column.numeric ? "right" : "left"}
                  {...sortable}
                >
                  {column.label}
                </SortHeader>
              ))}
              <Table.Th>{t.ownerFilter.label}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: organizations.isPlaceholderData ? 0.6 : 1 }}>
            <TableState
              columns={COLUMNS + columns.length + (selection ? 1 : 0)}
              loading={organizations.isPending}
              error={organizations.isError ? problemMessage(organizations.error, t) : null}
              empty={filtered ? t.organizations.empty : t.organizations.emptyRegister}
              rows={rows.length}
            />
            {rows.map((organization) => (
              <OrganizationRow
                key={organization.id}
                organization={organization}
                columns={columns}
                selection={selection}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {organizations.hasNextPage && (
        <Center p="md">
          <Button
            variant="default"
            loading={organizations.isFetchingNextPage}
            onClick={() => organizations.fetchNextPage()}
          >
            {t.organizations.loadMore}
          </Button>
        </Center>
      )}
    </Paper>
  );
}

function OrganizationRow({
  organization,
  columns,
  selection,
}: {
  organization: OrganizationSummary;
  columns: readonly OptionalColumn[];
  selection: Selection | undefined;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const params = { organizationId: organization.id };
  return (
    <Table.Tr onClick={() => navigate({ to: "/organizations/$organizationId", params })} style={{ cursor: "pointer" }}>
      {selection && <SelectCell selection={selection} id={organization.id} name={organization.name} />}
      <Table.Td>
        <Anchor
          fw={600}
          size="sm"
          c="inherit"
          renderRoot={(props) => <Link to="/organizations/$organizationId" params={params} {...props} />}
          onClick={(event) => event.stopPropagation()}
        >
          {organization.name}
        </Anchor>
        {organization.legalForm && (
          <Text size="xs" c="dimmed" lh={1.3}>
            {organization.legalForm}
          </Text>
        )}
      </Table.Td>
      <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: "nowrap" }}>
        {organization.organisationsnummer ? formatOrganisationsnummer(organization.organisationsnummer) : ""}
      </Table.Td>
      <Table.Td>{industryInWords(organization, locale) ?? ""}</Table.Td>
      <Table.Td ta="right">
        {organization.employees === null ? "" : formatNumber(organization.employees, locale)}
      </Table.Td>
      <Table.Td>{organization.city ?? ""}</Table.Td>
      <Table.Td ta="right">{formatNumber(organization.people, locale)}</Table.Td>
      {columns.map((column) => (
        <Table.Td key={column.id} ta={column.numeric ? "right" : "left"} style={{ whiteSpace: "nowrap" }}>
          {columnText(column, organization, locale, t)}
        </Table.Td>
      ))}
      <Table.Td fz="sm">
        {organization.ownerId || organization.ownerTeamId ? <RecordOwner owner={organization} /> : ""}
      </Table.Td>
    </Table.Tr>
  );
}
