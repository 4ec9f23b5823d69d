import { Badge, Group, type MantineSize, Text } from "@mantine/core";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { isPastDay } from "../people/local-time";

interface DueDateProps {
  dueAt: string;
  /** Only an open task can be late. */
  open: boolean;
  size: MantineSize;
  /** How the day is written, e.g. "Förfaller 2026-12-03"; the bare day by default. */
  label?: (day: string) => string;
}

/** A task's due day, in red and marked "Försenad" once the day has passed and it is still open. */
export function DueDate({ dueAt, open, size, label = (day) => day }: DueDateProps) {
  const { t, locale } = useI18n();
  const late = open && isPastDay(dueAt, new Date());
  return (
    <Group gap={6} wrap="nowrap">
      <Text size={size} c={late ? "red.7" : size === "xs" ? "dimmed" : undefined} fw={late ? 600 : 400}>
        {label(formatDate(dueAt, locale))}
      </Text>
      {late && (
        <Badge size="sm" radius="sm" tt="none" variant="light" color="red">
          {t.timeline.overdue}
        </Badge>
      )}
    </Group>
  );
}
