import { Anchor, Group, Paper, Table, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import { useMe } from "../auth/me-query";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import type { PeopleSearch } from "../people/people-search";
import type { PersonSummary } from "../register/types";
import { TableState } from "../ui/table-state";
import { FOLLOW_UP_DAYS, followUpCutoff, followUpSearch, neverContactedSearch } from "./follow-up";

/** Shown on the overview; the list shows the rest. */
const SHOWN = 8;

/** The first customers of one of the card's lists, in its own order. */
const customersQuery = (search: PeopleSearch) =>
  queryOptions({
    // Under "people": a call logged anywhere refreshes it.
    queryKey: ["people", "follow-up", search],
    queryFn: () =>
      api<CursorPage<PersonSummary>>("/api/people", {
        query: { ownerId: search.owner, filter: search.filter, sort: search.sort, limit: SHOWN },
      }),
    select: (page) => page.items,
  });

/**
 * *Att höra av sig till*: the signed-in user's customers nobody has called, met or e-mailed for
 * three months, the longest ago first, then those never contacted: the lead nobody follows up.
 * A customer with a call or meeting booked is being followed up, and is left out.
 */
export function FollowUpCard() {
  const { t, locale } = useI18n();
  const user = useMe();
  const cutoff = followUpCutoff(new Date());
  const drifted = useQuery(customersQuery(followUpSearch(user.id, cutoff)));
  const never = useQuery(customersQuery(neverContactedSearch(user.id)));
  const rows = [...(drifted.data ?? []), ...(never.data ?? [])].slice(0, SHOWN);
  const error = drifted.error ?? never.error;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4">
          {t.followUp.heading}
        </Title>
        <Group gap="md">
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/people" search={followUpSearch(user.id, cutoff)} {...props} />}
          >
            {t.followUp.showAll}
          </Anchor>
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/people" search={neverContactedSearch(user.id)} {...props} />}
          >
            {t.followUp.showNever}
          </Anchor>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t.followUp.hint(FOLLOW_UP_DAYS)}
      </Text>
      <Table verticalSpacing="xs" aria-label={t.followUp.heading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.followUp.customer}</Table.Th>
            <Table.Th>{t.followUp.lastContact}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <TableState
            columns={2}
            loading={drifted.isPending || never.isPending}
            error={error ? problemMessage(error, t) : null}
            empty={t.followUp.none}
            rows={rows.length}
          />
          {rows.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor
                  size="sm"
                  renderRoot={(props) => <Link to="/people/$personId" params={{ personId: person.id }} {...props} />}
                >
                  {person.greetingName} {person.surname}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={person.lastContactAt ? undefined : "dimmed"}>
                  {person.lastContactAt ? formatDate(person.lastContactAt, locale) : t.followUp.never}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
