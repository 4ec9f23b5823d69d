import { Anchor, Avatar, Badge, Divider, Flex, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { formatDate, formatLanguage } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { ContactTimes } from "../register/contact-times";
import { formatPersonnummer } from "../register/format-identity";
import { RecordOwner } from "../register/record-owner";
import { StageBadge } from "../register/stage-badge";
import type { Person } from "../register/types";
import { Fact, Facts } from "../ui/facts";
import { AlertIcon } from "../ui/icons";
import { ageOn } from "./age";
import { GivenNames } from "./given-names";
import { PersonActions } from "./person-actions";

export function PersonHeader({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const erased = person.erasedAt !== null;
  const fullName = erased ? t.person.erasedName : `${person.greetingName} ${person.surname}`;
  const age = person.birthDate ? ageOn(person.birthDate, new Date()) : null;
  const role = person.roles.find((candidate) => candidate.validTo === null);
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} data-testid="record-header">
      <Flex direction={{ base: "column", md: "row" }} justify="space-between" align="flex-start" gap="lg">
        <Group gap="lg" align="flex-start" wrap="nowrap" miw={0} flex={1} preventGrowOverflow={false}>
          {/* On a phone the name needs the width more than the initials do. */}
          <Avatar name={fullName} color={erased ? "gray" : "pine"} size={72} radius="xl" fz={26} visibleFrom="sm" />
          <Stack gap={6} miw={0}>
            <Group gap="sm" align="center" preventGrowOverflow={false}>
              <Title order={1} fz={{ base: 26, sm: 32 }} lh={1.15} style={{ overflowWrap: "anywhere" }}>
                {fullName}
              </Title>
              {!erased && <StageBadge stage={person.lifecycleStage} size="md" />}
              {person.greetingUncertain && !erased && (
                <Tooltip label={t.person.uncertainGreetingHint} multiline w={300} withArrow>
                  <Badge
                    color="yellow"
                    variant="light"
                    radius="sm"
                    tt="none"
                    size="md"
                    leftSection={<AlertIcon size={14} />}
                    tabIndex={0}
                  >
                    {t.person.uncertainGreeting}
                  </Badge>
                </Tooltip>
              )}
            </Group>
            {!erased && (
              <Text c="dimmed">
                {t.person.givenNames}:{" "}
                <Text span c="dark.6">
                  <GivenNames givenNames={person.givenNames} preferredParts={person.preferredNameParts} />
                </Text>
              </Text>
            )}
            {role && (
              <Text size="sm">
                {role.title && `${role.title}, `}
                <Anchor
                  renderRoot={(props) => (
                    <Link
                      to="/organizations/$organizationId"
                      params={{ organizationId: role.organizationId }}
                      {...props}
                    />
                  )}
                >
                  {role.organizationName}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Group>
        {!erased && <PersonActions person={person} />}
      </Flex>
      <Divider my="lg" />
      <Facts>
        <Fact
          label={person.personnummerKind === "samordningsnummer" ? t.person.samordningsnummer : t.person.personnummer}
        >
          {person.personnummer ? formatPersonnummer(person.personnummer) : t.register.none}
        </Fact>
        <Fact label={t.person.birthDate}>
          {person.birthDate ? (
            <>
              {formatDate(`${person.birthDate}T12:00:00`, locale)}
              {age !== null && (
                <Text span c="dimmed" fw={400}>
                  {" "}
                  ({t.person.age(age)})
                </Text>
              )}
            </>
          ) : (
            t.register.none
          )}
        </Fact>
        <Fact label={t.person.language}>{formatLanguage(person.language, locale)}</Fact>
        <Fact label={t.person.created}>{formatDate(person.createdAt, locale)}</Fact>
        <Fact label={t.person.lastContact}>
          <ContactTimes last={person.lastContactAt} next={person.nextContactAt} />
        </Fact>
        <Fact label={t.owner.label}>
          <RecordOwner owner={person} />
        </Fact>
      </Facts>
    </Paper>
  );
}
