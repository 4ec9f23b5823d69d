import { Badge } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { FiringStatus } from "./types";

const COLORS: Record<FiringStatus, string> = { done: "pine", failed: "red", skipped: "gray" };

export function FiringStatusBadge({ status }: { status: FiringStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" radius="sm" tt="none" color={COLORS[status]}>
      {t.rules.firings.statuses[status]}
    </Badge>
  );
}
