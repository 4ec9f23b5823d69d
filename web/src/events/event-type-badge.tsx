import { Badge, type MantineColor } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { EventType } from "./types";

const TYPE_COLORS: Record<EventType, MantineColor> = {
  identify: "grape",
  track: "blue",
  page: "teal",
  screen: "cyan",
  group: "orange",
  alias: "gray",
};

export function EventTypeBadge({ type }: { type: EventType }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} radius="sm" tt="none" size="sm">
      {t.events.types[type]}
    </Badge>
  );
}
