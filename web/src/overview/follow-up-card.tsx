import { Anchor, Group, Paper, SegmentedControl, Table, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import { useMe } from "../auth/me-query";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import type { OrganizationSummary, PersonSummary } from "../register/types";
import { TableState } from "../ui/table-state";
import { FOLLOW_UP_DAYS, type FollowUpSearch, followUpCutoff, followUpSearch, neverContactedSearch } from "./follow-up";

/** Shown on the overview; the list shows the rest. */
const SHOWN = 8;

type Kind = "people" | "organizations";

/** A row of the card: a customer, where to open them, and when they were last contacted. */
interface Customer {
  id: string;
  name: string;
  lastContactAt: string | null;
}

/** The first customers of one of the card's lists, in its own order. */
const customersQuery = (kind: Kind, search: FollowUpSearch) =>
  queryOptions({
    // Under the list's own key: a call logged anywhere refreshes it.
    queryKey: [kind, "follow-up", search],
    queryFn: () =>
      api<CursorPage<PersonSummary | OrganizationSummary>>(`/api/${kind}`, {
        query: { ownerId: search.owner, filter: search.filter, sort: search.sort, limit: SHOWN },
      }),
    select: (page): Customer[] =>
      page.items.map((item) => ({
        id: item.id,
        name: "surname" in item ? `${item.greetingName} ${item.surname}` : item.name,
        lastContactAt: item.lastContactAt,
      })),
  });

/**
 * *Att höra av sig till*: the signed-in user's customers nobody has called, met or e-mailed for
 * three months, the longest ago first, then those never contacted: the lead nobody follows up.
 * A customer with a call or meeting booked is being followed up, and is left out. The companies
 * a key-account manager owns are a list of their own: a company counts as contacted when anyone
 * who works there was.
 */
export function FollowUpCard() {
  const { t, locale } = useI18n();
  const user = useMe();
  const [kind, setKind] = useState<Kind>("people");
  const cutoff = followUpCutoff(new Date());
  const drifted = useQuery(customersQuery(kind, followUpSearch(user.id, cutoff)));
  const never = useQuery(customersQuery(kind, neverContactedSearch(user.id)));
  const rows = [...(drifted.data ?? []), ...(never.data ?? [])].slice(0, SHOWN);
  const error = drifted.error ?? never.error;
  const words = kind === "people" ? t.followUp.people : t.followUp.organizations;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb={4}>
        <Group gap="md">
          <Title order={2} size="h4">
            {t.followUp.heading}
          </Title>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            aria-label={t.followUp.kindLabel}
            data={[
              { value: "people", label: t.followUp.people.tab },
              { value: "organizations", label: t.followUp.organizations.tab },
            ]}
          />
        </Group>
        <Group gap="md">
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to={`/${kind}`} search={followUpSearch(user.id, cutoff)} {...props} />}
          >
            {t.followUp.showAll}
          </Anchor>
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to={`/${kind}`} search={neverContactedSearch(user.id)} {...props} />}
          >
            {t.followUp.showNever}
          </Anchor>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {words.hint(FOLLOW_UP_DAYS)}
      </Text>
      <Table verticalSpacing="xs" aria-label={t.followUp.heading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{words.customer}</Table.Th>
            <Table.Th>{t.followUp.lastContact}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <TableState
            columns={2}
            loading={drifted.isPending || never.isPending}
            error={error ? problemMessage(error, t) : null}
            empty={words.none}
            rows={rows.length}
          />
          {rows.map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <Anchor
                  size="sm"
                  renderRoot={(props) =>
                    kind === "people" ? (
                      <Link to="/people/$personId" params={{ personId: customer.id }} {...props} />
                    ) : (
                      <Link to="/organizations/$organizationId" params={{ organizationId: customer.id }} {...props} />
                    )
                  }
                >
                  {customer.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={customer.lastContactAt ? undefined : "dimmed"}>
                  {customer.lastContactAt ? formatDate(customer.lastContactAt, locale) : t.followUp.never}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
