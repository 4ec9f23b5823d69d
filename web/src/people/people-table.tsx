import { Anchor, Button, Center, Paper, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { formatPersonnummer } from "../register/format-identity";
import { formatPhone } from "../register/format-phone";
import { columnText, type OptionalColumn } from "../register/list-columns";
import { RecordOwner } from "../register/record-owner";
import { SelectAllHeader, SelectCell } from "../register/select-cells";
import { SortHeader } from "../register/sort-header";
import { StageBadge } from "../register/stage-badge";
import type { PersonSummary } from "../register/types";
import type { Selection } from "../register/use-selection";
import { TableState } from "../ui/table-state";
import type { PeopleSearch } from "./people-search";
import { peopleListQuery } from "./queries";

const COLUMNS = 7;

interface PeopleTableProps {
  search: PeopleSearch;
  /** The optional columns chosen, shown after the town. */
  columns: readonly OptionalColumn[];
  onSort: (sort: string) => void;
  /** Ticked rows, for a change to many; absent for a user who may change nothing. */
  selection?: Selection | undefined;
}

export function PeopleTable({ search, columns, onSort, selection }: PeopleTableProps) {
  const { t } = useI18n();
  const people = useInfiniteQuery(peopleListQuery(search));
  const rows = people.data?.pages.flatMap((page) => page.items) ?? [];
  // A search is ranked by likeness until a column is chosen.
  const sort = search.sort ?? (search.q ? "" : undefined);
  const filtered = Boolean(
    search.q || search.stage || search.city || search.owner || search.filter?.length || search.consent?.length,
  );
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t.modules.people}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <SelectAllHeader
                  selection={selection}
                  records={rows.map((person) => ({ id: person.id, name: personName(person) }))}
                />
              )}
              <SortHeader field="name" sort={sort} onSort={onSort}>
                {t.people.name}
              </SortHeader>
              <Table.Th>{t.people.personnummer}</Table.Th>
              <Table.Th>{t.people.email}</Table.Th>
              <Table.Th>{t.people.phone}</Table.Th>
              <Table.Th>{t.people.town}</Table.Th>
              {columns.map((column) => (
                <SortHeader
                  key={column.id}
                  field={column.id}
                  sort={sort}
                  onSort={onSort}
                  firstDescending={column.firstDescending}
                  align={column.numeric ? "right" : "left"}
                >
                  {column.label}
                </SortHeader>
              ))}
              <Table.Th>{t.people.stage}</Table.Th>
              <Table.Th>{t.ownerFilter.label}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}>
            <TableState
              columns={COLUMNS + columns.length + (selection ? 1 : 0)}
              loading={people.isPending}
              error={people.isError ? problemMessage(people.error, t) : null}
              empty={filtered ? t.people.empty : t.people.emptyRegister}
              rows={rows.length}
            />
            {rows.map((person) => (
              <PersonRow key={person.id} person={person} columns={columns} selection={selection} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {people.hasNextPage && (
        <Center p="md">
          <Button variant="default" loading={people.isFetchingNextPage} onClick={() => people.fetchNextPage()}>
            {t.people.loadMore}
          </Button>
        </Center>
      )}
    </Paper>
  );
}

/** The whole row opens the person; the name is also a real link, for keyboards and new tabs. */
const personName = (person: PersonSummary) => `${person.greetingName} ${person.surname}`;

function PersonRow({
  person,
  columns,
  selection,
}: {
  person: PersonSummary;
  columns: readonly OptionalColumn[];
  selection: Selection | undefined;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const open = () => navigate({ to: "/people/$personId", params: { personId: person.id } });
  return (
    <Table.Tr onClick={open} style={{ cursor: "pointer" }}>
      {selection && <SelectCell selection={selection} id={person.id} name={personName(person)} />}
      <Table.Td>
        <Anchor
          fw={600}
          size="sm"
          c="inherit"
          renderRoot={(props) => <Link to="/people/$personId" params={{ personId: person.id }} {...props} />}
          onClick={(event) => event.stopPropagation()}
        >
          {personName(person)}
        </Anchor>
        {person.givenNames !== person.greetingName && (
          <Text size="xs" c="dimmed" lh={1.3}>
            {person.givenNames}
          </Text>
        )}
      </Table.Td>
      <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: "nowrap" }}>
        {person.personnummer ? formatPersonnummer(person.personnummer) : ""}
      </Table.Td>
      <Table.Td
        title={person.email ?? undefined}
        style={{ maxWidth: 240, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
      >
        {person.email ?? ""}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{person.phone ? formatPhone(person.phone) : ""}</Table.Td>
      <Table.Td>{person.city ?? ""}</Table.Td>
      {columns.map((column) => (
        <Table.Td key={column.id} ta={column.numeric ? "right" : "left"} style={{ whiteSpace: "nowrap" }}>
          {columnText(column, person, locale, t)}
        </Table.Td>
      ))}
      <Table.Td>
        <StageBadge stage={person.lifecycleStage} />
      </Table.Td>
      <Table.Td fz="sm">{person.ownerId || person.ownerTeamId ? <RecordOwner owner={person} /> : ""}</Table.Td>
    </Table.Tr>
  );
}
