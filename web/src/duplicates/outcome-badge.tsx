import { Badge, type MantineColor } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { MatchOutcome } from "./types";

const OUTCOME_COLORS: Record<MatchOutcome, MantineColor> = {
  auto_merge: "pine",
  review: "yellow",
  distinct: "gray",
};

/** What the matcher suggests for a pair; a person still decides. */
export function OutcomeBadge({ outcome, size = "sm" }: { outcome: MatchOutcome; size?: "sm" | "md" }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={OUTCOME_COLORS[outcome]} radius="sm" tt="none" size={size}>
      {t.duplicates.outcomes[outcome]}
    </Badge>
  );
}
