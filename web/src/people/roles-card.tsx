import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import type { Role } from "../register/types";
import { BuildingIcon } from "../ui/icons";
import { SectionCard } from "../ui/section-card";

/** The organisations the person works for now. */
export function RolesCard({ roles }: { roles: Role[] }) {
  const { t } = useI18n();
  const current = roles.filter((role) => role.validTo === null);
  return (
    <SectionCard title={t.person.organizations}>
      <Stack gap="sm">
        {current.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.person.noRoles}
          </Text>
        )}
        {current.map((role) => (
          <Group key={role.id} gap="sm" wrap="nowrap" align="flex-start">
            <Text c="dimmed" mt={2} lh={0}>
              <BuildingIcon size={16} />
            </Text>
            <Stack gap={0}>
              <Group gap={6}>
                <Anchor
                  size="sm"
                  fw={600}
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
                {role.isPrimaryContact && (
                  <Badge size="xs" variant="light" radius="sm" tt="none">
                    {t.person.primaryContact}
                  </Badge>
                )}
              </Group>
              {(role.title || role.department) && (
                <Text size="xs" c="dimmed">
                  {[role.title, role.department].filter(Boolean).join(", ")}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
