import { ActionIcon, Anchor, Badge, Button, Group, Popover, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../api/api";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRegister } from "../register/queries";
import { useRecordWritable } from "../register/record-writable";
import type { Organization, Role } from "../register/types";
import { CloseIcon, PlusIcon } from "../ui/icons";
import { SectionCard } from "../ui/section-card";
import { AddPersonModal } from "./add-person-modal";

/** The people who work at the organisation now, and those who did, each a link to their 360° page. */
export function OrganizationPeopleCard({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const [adding, adder] = useDisclosure(false);
  const roles = organization.roles.filter((role) => role.validTo === null);
  const formerRoles = organization.roles.filter((role) => role.validTo !== null);
  const withDepartments = roles.some((role) => role.department);
  const writable = useRecordWritable();
  return (
    <SectionCard
      title={t.organization.people}
      action={
        writable && (
          <Button size="compact-sm" variant="light" leftSection={<PlusIcon size={14} />} onClick={adder.open}>
            {t.organization.addPerson}
          </Button>
        )
      }
    >
      {roles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.organization.noPeople}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label={t.organization.people}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.organization.person}</Table.Th>
                <Table.Th>{t.organization.title}</Table.Th>
                {withDepartments && <Table.Th>{t.organization.department}</Table.Th>}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.map((role) => (
                <RoleRow key={role.id} role={role} withDepartment={withDepartments} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {formerRoles.length > 0 && <FormerPeople roles={formerRoles} />}
      <AddPersonModal
        organizationId={organization.id}
        linkedPersonIds={roles.map((role) => role.personId)}
        opened={adding}
        onClose={adder.close}
      />
    </SectionCard>
  );
}

function RoleRow({ role, withDepartment }: { role: Role; withDepartment: boolean }) {
  const { t, locale } = useI18n();
  const refreshRegister = useRefreshRegister();
  const end = useMutation({
    mutationFn: () => api(`/api/roles/${role.id}`, { method: "DELETE" }),
    onSuccess: refreshRegister,
  });
  const makePrimary = useMutation({
    mutationFn: () => api(`/api/roles/${role.id}`, { method: "PATCH", body: { isPrimaryContact: true } }),
    onSuccess: refreshRegister,
  });
  const failed = end.error ?? makePrimary.error;
  // The organisation's side of a role; the server checks the person's side too, and says so.
  const writable = useRecordWritable();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          size="sm"
          fw={600}
          renderRoot={(props) => <Link to="/people/$personId" params={{ personId: role.personId }} {...props} />}
        >
          {role.personName}
        </Anchor>
        {role.isPrimaryContact && (
          <Badge size="xs" variant="light" radius="sm" tt="none" ml={6}>
            {t.organization.primaryContact}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t.organization.since(formatDate(role.validFrom, locale))}
        </Text>
        {failed && (
          <Text size="xs" c="red.7" role="alert">
            {problemMessage(failed, t)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{role.title ?? ""}</Table.Td>
      {withDepartment && <Table.Td>{role.department ?? ""}</Table.Td>}
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {writable && !role.isPrimaryContact && (
          <Button
            size="compact-xs"
            variant="subtle"
            loading={makePrimary.isPending}
            onClick={() => makePrimary.mutate()}
            aria-label={t.organization.makePrimary(role.personName)}
          >
            {t.organization.makePrimaryShort}
          </Button>
        )}
        {writable && <EndRoleButton role={role} ending={end.isPending} onEnd={() => end.mutate()} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** Roles that have ended, latest first: who the company's contacts were, and when. */
function FormerPeople({ roles }: { roles: Role[] }) {
  const { t, locale } = useI18n();
  const latestFirst = [...roles].sort((a, b) => String(b.validTo).localeCompare(String(a.validTo)));
  return (
    <>
      <Text size="sm" fw={600} mt="lg" mb={4}>
        {t.organization.history.formerPeople}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label={t.organization.history.formerPeople}>
          <Table.Tbody>
            {latestFirst.map((role) => (
              <Table.Tr key={role.id}>
                <Table.Td>
                  <Anchor
                    size="sm"
                    c="dimmed"
                    renderRoot={(props) => (
                      <Link to="/people/$personId" params={{ personId: role.personId }} {...props} />
                    )}
                  >
                    {role.personName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t.organization.history.period(
                      formatDate(role.validFrom, locale),
                      role.validTo ? formatDate(role.validTo, locale) : "",
                    )}
                  </Text>
                </Table.Td>
                <Table.Td c="dimmed">{role.title ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** An ended role cannot be taken up again, only added anew, so ending one asks once more. */
function EndRoleButton({ role, ending, onEnd }: { role: Role; ending: boolean; onEnd: () => void }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={280} shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t.organization.endRole(role.personName)}
          loading={ending}
          onClick={() => setOpened((open) => !open)}
        >
          <CloseIcon size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">{t.organization.history.confirmEnd(role.personName)}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t.register.cancel}
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                setOpened(false);
                onEnd();
              }}
            >
              {t.organization.history.end}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
