import { Stack, Tabs, Title } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { ApiKeysPanel } from "./api-keys-panel";
import { AuditLogPanel } from "./audit-log-panel";
import { CustomAttributesPanel } from "./custom-attributes-panel";
import { TeamsPanel } from "./teams-panel";
import { UsersPanel } from "./users-panel";

export function AdminPage() {
  const { t } = useI18n();
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t.modules.admin}</Title>
      {/* Panels mount when opened, so the audit log is read only when someone looks at it. */}
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t.admin.usersTab}</Tabs.Tab>
          <Tabs.Tab value="teams">{t.admin.teamsTab}</Tabs.Tab>
          <Tabs.Tab value="api-keys">{t.admin.apiKeysTab}</Tabs.Tab>
          <Tabs.Tab value="custom-fields">{t.admin.customFieldsTab}</Tabs.Tab>
          <Tabs.Tab value="audit">{t.admin.auditTab}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="lg">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="lg">
          <TeamsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys" pt="lg">
          <ApiKeysPanel />
        </Tabs.Panel>
        <Tabs.Panel value="custom-fields" pt="lg">
          <CustomAttributesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="lg">
          <AuditLogPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
