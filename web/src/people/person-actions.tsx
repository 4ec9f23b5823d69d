import { ActionIcon, Button, Group, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMe } from "../auth/me-query";
import { useI18n } from "../i18n/use-i18n";
import { useRecordOwnedElsewhere, useRecordWritable } from "../register/record-writable";
import type { Person } from "../register/types";
import { DotsIcon, DownloadIcon, EditIcon, PlusIcon, UploadIcon } from "../ui/icons";
import { EditPersonDrawer } from "./edit-person-drawer";
import { ErasePersonModal } from "./erase-person-modal";
import { LogActivityModal } from "./log-activity-modal";
import { mayErasePerson, mayExportPersonData } from "./privacy-rights";
import { UploadDocumentModal } from "./upload-document-modal";

export function PersonActions({ person }: { person: Person }) {
  const { t } = useI18n();
  const user = useMe();
  const [editing, editor] = useDisclosure(false);
  const [logging, logger] = useDisclosure(false);
  const [uploading, uploader] = useDisclosure(false);
  const [erasing, eraser] = useDisclosure(false);
  const writable = useRecordWritable();
  const ownedElsewhere = useRecordOwnedElsewhere();
  const exportPath = `/api/people/${person.id}/data-export`;
  const mayExport = mayExportPersonData(user.role);
  const mayErase = mayErasePerson(user.role) && writable;
  return (
    <Group gap="sm">
      {ownedElsewhere && (
        <Text size="sm" c="dimmed">
          {t.owner.readOnly}
        </Text>
      )}
      {writable && (
        <>
          <Button variant="default" leftSection={<EditIcon size={16} />} onClick={editor.open}>
            {t.person.edit}
          </Button>
          <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={uploader.open}>
            {t.person.uploadDocument}
          </Button>
          <Button leftSection={<PlusIcon size={16} />} onClick={logger.open}>
            {t.person.logActivity}
          </Button>
        </>
      )}
      {(mayExport || mayErase) && (
        <Menu position="bottom-end" width={260} shadow="md">
          <Menu.Target>
            <ActionIcon variant="default" size={36} aria-label={t.person.more}>
              <DotsIcon />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {mayExport && (
              <>
                <Menu.Item
                  leftSection={<DownloadIcon size={16} />}
                  renderRoot={(props) => <a href={exportPath} download {...props} />}
                >
                  {t.person.exportJson}
                </Menu.Item>
                <Menu.Item
                  leftSection={<DownloadIcon size={16} />}
                  renderRoot={(props) => <a href={`${exportPath}?format=pdf`} download {...props} />}
                >
                  {t.person.exportPdf}
                </Menu.Item>
              </>
            )}
            {mayErase && (
              <>
                {mayExport && <Menu.Divider />}
                <Menu.Item color="red" onClick={eraser.open}>
                  {t.person.erase}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      <EditPersonDrawer person={person} opened={editing} onClose={editor.close} />
      <LogActivityModal personId={person.id} opened={logging} onClose={logger.close} />
      <UploadDocumentModal personId={person.id} opened={uploading} onClose={uploader.close} />
      <ErasePersonModal person={person} opened={erasing} onClose={eraser.close} />
    </Group>
  );
}
