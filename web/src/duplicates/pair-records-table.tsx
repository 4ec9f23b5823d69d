import { Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { formatDate } from "../i18n/format";
import type { Messages } from "../i18n/sv";
import { useI18n } from "../i18n/use-i18n";
import { GivenNames } from "../people/given-names";
import { addressLines } from "../register/address-lines";
import { formatPersonnummer } from "../register/format-identity";
import { formatPhone } from "../register/format-phone";
import { StageBadge } from "../register/stage-badge";
import type { Person } from "../register/types";
import { AlertIcon, CheckIcon } from "../ui/icons";
import { PAIR_ROWS, type PairRow, type RowVerdict, rowVerdicts } from "./row-verdicts";
import type { FieldComparison } from "./types";

interface PairRecordsTableProps {
  left: Person;
  right: Person;
  comparison: FieldComparison[];
}

/** The two records row by row, the rows the matcher found to differ tinted, so the eye goes there first. */
export function PairRecordsTable({ left, right, comparison }: PairRecordsTableProps) {
  const { t } = useI18n();
  const verdicts = rowVerdicts(comparison);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" withColumnBorders aria-label={t.duplicates.records}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={210}>{t.duplicates.detail}</Table.Th>
              <RecordHeading person={left} side={t.duplicates.left} />
              <RecordHeading person={right} side={t.duplicates.right} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PAIR_ROWS.map((row) => (
              <Table.Tr
                key={row}
                data-row={row}
                data-verdict={verdicts[row]}
                bg={verdicts[row] === "differs" ? "red.0" : undefined}
              >
                <Table.Th scope="row" fw={500} style={{ verticalAlign: "top" }}>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={600}>
                      {t.duplicates.rows[row]}
                    </Text>
                    {verdicts[row] && <VerdictBadge verdict={verdicts[row]} />}
                  </Stack>
                </Table.Th>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <RowValue row={row} person={left} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <RowValue row={row} person={right} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function RecordHeading({ person, side }: { person: Person; side: string }) {
  return (
    <Table.Th w="40%" style={{ verticalAlign: "bottom" }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {side}
      </Text>
      <Anchor
        fw={650}
        fz="lg"
        renderRoot={(props) => <Link to="/people/$personId" params={{ personId: person.id }} {...props} />}
      >
        {person.greetingName} {person.surname}
      </Anchor>
    </Table.Th>
  );
}

function VerdictBadge({ verdict }: { verdict: RowVerdict }) {
  const { t } = useI18n();
  const differs = verdict === "differs";
  return (
    <Badge
      size="sm"
      variant="light"
      radius="sm"
      tt="none"
      color={differs ? "red" : "pine"}
      leftSection={differs ? <AlertIcon size={12} /> : <CheckIcon size={12} />}
    >
      {t.duplicates.verdicts[verdict]}
    </Badge>
  );
}

const none = (t: Messages) => (
  <Text size="sm" c="dimmed">
    {t.register.none}
  </Text>
);

function Lines({ children }: { children: ReactNode }) {
  return <Stack gap={4}>{children}</Stack>;
}

/** One detail of one record, written as the person page writes it. */
function RowValue({ row, person }: { row: PairRow; person: Person }) {
  const { t, locale } = useI18n();
  switch (row) {
    case "names":
      return (
        <Text size="sm">
          <GivenNames givenNames={person.givenNames} preferredParts={person.preferredNameParts} /> {person.surname}
        </Text>
      );
    case "greeting":
      return (
        <Group gap={6}>
          <Text size="sm">{person.greetingName}</Text>
          {person.greetingUncertain && (
            <Badge size="xs" color="yellow" variant="light" radius="sm" tt="none">
              {t.duplicates.uncertain}
            </Badge>
          )}
        </Group>
      );
    case "personnummer":
      return person.personnummer ? (
        <Text size="sm" ff="monospace">
          {formatPersonnummer(person.personnummer)}
        </Text>
      ) : (
        none(t)
      );
    case "birthDate":
      return person.birthDate ? <Text size="sm">{formatDate(`${person.birthDate}T12:00:00`, locale)}</Text> : none(t);
    case "emails":
      return person.emails.length === 0 ? (
        none(t)
      ) : (
        <Lines>
          {person.emails.map((email) => (
            <Text key={email.id} size="sm" style={{ wordBreak: "break-all" }}>
              {email.address}{" "}
              <Text span size="xs" c="dimmed">
                {t.register.contactKinds[email.kind]}
                {email.isPrimary && `, ${t.register.primary.toLocaleLowerCase(locale)}`}
              </Text>
            </Text>
          ))}
        </Lines>
      );
    case "phones":
      return person.phones.length === 0 ? (
        none(t)
      ) : (
        <Lines>
          {person.phones.map((phone) => (
            <Text key={phone.id} size="sm">
              {formatPhone(phone.e164)}{" "}
              <Text span size="xs" c="dimmed">
                {t.register.phoneTypes[phone.type]}
              </Text>
            </Text>
          ))}
        </Lines>
      );
    case "address":
    case "addressHistory": {
      const addresses = person.addresses.filter((address) => (address.validTo === null) === (row === "address"));
      if (addresses.length === 0) return none(t);
      return (
        <Lines>
          {addresses.map((address) => (
            <div key={address.id}>
              <Text size="sm">{addressLines(address).join(", ")}</Text>
              <Text size="xs" c="dimmed">
                {address.validTo === null
                  ? t.address.since(formatDate(address.validFrom, locale))
                  : t.address.period(formatDate(address.validFrom, locale), formatDate(address.validTo, locale))}
              </Text>
            </div>
          ))}
        </Lines>
      );
    }
    case "organizations": {
      const roles = person.roles.filter((role) => role.validTo === null);
      if (roles.length === 0) return none(t);
      return (
        <Lines>
          {roles.map((role) => (
            <Text key={role.id} size="sm">
              {role.title ? `${role.title}, ${role.organizationName}` : role.organizationName}
            </Text>
          ))}
        </Lines>
      );
    }
    case "stage":
      return <StageBadge stage={person.lifecycleStage} />;
    case "created":
      return <Text size="sm">{formatDate(person.createdAt, locale)}</Text>;
    case "sources":
      return <Sources person={person} />;
  }
}

/** Each system the record's fields came from, with when it first sent one. */
function Sources({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const firstBySystem = new Map<string, string>();
  for (const { system, receivedAt } of Object.values(person.lineage)) {
    const seen = firstBySystem.get(system);
    // ISO 8601 instants in UTC sort as text.
    if (!seen || receivedAt < seen) firstBySystem.set(system, receivedAt);
  }
  if (firstBySystem.size === 0) return none(t);
  return (
    <Lines>
      {[...firstBySystem].map(([system, first]) => (
        <Text key={system} size="sm">
          {t.register.systems[system] ?? system}{" "}
          <Text span size="xs" c="dimmed">
            {formatDate(first, locale)}
          </Text>
        </Text>
      ))}
    </Lines>
  );
}
