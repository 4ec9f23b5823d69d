import { Chip, Group, Text } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { TimelineFilter } from "../people/queries";
import { isTimelineKind } from "../register/types";
import { DateField } from "../ui/date-field";

interface TimelineFilterProps {
  filter: TimelineFilter;
  onChange: (filter: TimelineFilter) => void;
}

/** No kind chosen means every kind; "All" says so and clears a choice. */
export function TimelineKindFilter({ kinds, filter, onChange }: TimelineFilterProps & { kinds: string[] }) {
  const { t } = useI18n();
  const kindLabel = (kind: string) => (isTimelineKind(kind) ? t.timeline.kinds[kind] : kind);
  return (
    <Group gap={6} role="group" aria-label={t.timeline.filter}>
      <Chip
        size="xs"
        checked={filter.kinds.length === 0}
        onChange={() => onChange({ ...filter, kinds: [] })}
        variant="outline"
      >
        {t.timeline.all}
      </Chip>
      <Chip.Group multiple value={filter.kinds} onChange={(chosen) => onChange({ ...filter, kinds: chosen })}>
        {kinds.map((kind) => (
          <Chip key={kind} value={kind} size="xs" variant="outline">
            {kindLabel(kind)}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}

/**
 * Both ends optional and included; the labels sit inside the inputs to keep the card's header one
 * line. On a phone the pair goes below the title and shares its width.
 */
export function TimelineDateRange({ filter, onChange }: TimelineFilterProps) {
  const { t } = useI18n();
  const end = (label: string) => (
    <Text size="xs" c="dimmed" pl={8}>
      {label}
    </Text>
  );
  return (
    <Group gap="xs" justify="flex-end" style={{ flex: "1 1 auto" }}>
      <DateField
        size="xs"
        aria-label={t.timeline.from}
        leftSection={end(t.timeline.from)}
        leftSectionWidth={44}
        value={filter.from}
        onChange={(from) => onChange({ ...filter, from: from || undefined })}
        style={{ flex: "1 1 150px", maxWidth: 170 }}
      />
      <DateField
        size="xs"
        aria-label={t.timeline.to}
        leftSection={end(t.timeline.to)}
        leftSectionWidth={36}
        value={filter.to}
        onChange={(to) => onChange({ ...filter, to: to || undefined })}
        style={{ flex: "1 1 142px", maxWidth: 160 }}
      />
    </Group>
  );
}
