import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useI18n } from "../i18n/use-i18n";
import { LogActivityModal } from "../people/log-activity-modal";
import { UploadDocumentModal } from "../people/upload-document-modal";
import { formatOrganisationsnummer } from "../register/format-identity";
import { RecordOwner } from "../register/record-owner";
import { useRecordOwnedElsewhere, useRecordWritable } from "../register/record-writable";
import type { Organization } from "../register/types";
import { BuildingIcon, EditIcon, PlusIcon, UploadIcon } from "../ui/icons";
import { EditOrganizationDrawer } from "./edit-organization-drawer";
import { industryInWords } from "./industry-in-words";

export function OrganizationHeader({ organization }: { organization: Organization }) {
  const { t, locale } = useI18n();
  const [editing, editor] = useDisclosure(false);
  const [logging, logger] = useDisclosure(false);
  const [uploading, uploader] = useDisclosure(false);
  const writable = useRecordWritable();
  const ownedElsewhere = useRecordOwnedElsewhere();
  // The number never breaks at its hyphen, nor is the dot after it left to start a line.
  const number = organization.organisationsnummer && (
    <span style={{ whiteSpace: "nowrap" }}>{formatOrganisationsnummer(organization.organisationsnummer)}</span>
  );
  const industry = industryInWords(organization, locale);
  const subtitle =
    number && industry ? (
      <>
        {number}
        {"\u00a0· "}
        {industry}
      </>
    ) : (
      number || industry
    );
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} data-testid="record-header">
      <Group justify="space-between" align="flex-start" gap="lg">
        <Group gap="lg" wrap="nowrap" align="center" miw={0} preventGrowOverflow={false}>
          <Avatar color="pine" size={72} radius="md" visibleFrom="sm">
            <BuildingIcon size={34} />
          </Avatar>
          <Stack gap={6} miw={0}>
            <Group gap="sm" align="center" preventGrowOverflow={false}>
              <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.15} style={{ overflowWrap: "anywhere" }}>
                {organization.name}
              </Title>
              {organization.legalForm && (
                <Badge variant="light" color="gray" radius="sm" tt="none" size="md">
                  {organization.legalForm}
                </Badge>
              )}
            </Group>
            {subtitle && <Text c="dimmed">{subtitle}</Text>}
            <Text size="sm">
              <Text span c="dimmed">
                {t.owner.label}:{" "}
              </Text>
              <RecordOwner owner={organization} />
            </Text>
          </Stack>
        </Group>
        {writable && (
          <Group gap="sm">
            <Button variant="default" leftSection={<EditIcon size={16} />} onClick={editor.open}>
              {t.organization.edit}
            </Button>
            <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={uploader.open}>
              {t.organization.history.uploadDocument}
            </Button>
            <Button leftSection={<PlusIcon size={16} />} onClick={logger.open}>
              {t.organization.history.logActivity}
            </Button>
          </Group>
        )}
        {ownedElsewhere && (
          <Text size="sm" c="dimmed">
            {t.owner.readOnly}
          </Text>
        )}
      </Group>
      {writable && (
        <>
          <EditOrganizationDrawer organization={organization} opened={editing} onClose={editor.close} />
          <LogActivityModal organizationId={organization.id} opened={logging} onClose={logger.close} />
          <UploadDocumentModal organizationId={organization.id} opened={uploading} onClose={uploader.close} />
        </>
      )}
    </Paper>
  );
}
