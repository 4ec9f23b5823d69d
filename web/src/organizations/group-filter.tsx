import { Badge, CloseButton, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { organizationQuery } from "./queries";

/** Says which group the list is narrowed to, with a way back to every organisation. */
export function GroupFilter({ organizationId, onClear }: { organizationId: string; onClear: () => void }) {
  const { t } = useI18n();
  const organization = useQuery(organizationQuery(organizationId));
  const name = organization.data?.name ?? "…";
  return (
    <Group gap={4}>
      <Badge size="lg" variant="light" radius="sm" tt="none">
        {t.organizations.group.filter(name)}
      </Badge>
      <CloseButton size="sm" aria-label={t.organizations.group.clear} onClick={onClear} />
    </Group>
  );
}
