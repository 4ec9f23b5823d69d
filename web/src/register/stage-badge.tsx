import { Badge, type MantineColor } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { LifecycleStage } from "./types";

const STAGE_COLORS: Record<LifecycleStage, MantineColor> = {
  interested: "gray",
  prospect: "blue",
  lead: "grape",
  customer: "pine",
  former_customer: "orange",
};

export function StageBadge({ stage, size = "sm" }: { stage: LifecycleStage; size?: "sm" | "md" }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={STAGE_COLORS[stage]} radius="sm" tt="none" size={size}>
      {t.stages[stage]}
    </Badge>
  );
}
