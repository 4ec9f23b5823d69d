import { Box, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { type TimelineFilter, timelineQuery } from "../people/queries";
import { TIMELINE_KINDS } from "../register/types";
import { SectionCard } from "../ui/section-card";
import { TimelineEntry } from "./timeline-entry";
import { TimelineDateRange, TimelineKindFilter } from "./timeline-filters";

/** Everything that happened with the person, newest first, from every source the server has. */
export function PersonTimeline({ personId }: { personId: string }) {
  return <RecordTimeline query={(filter) => timelineQuery(personId, filter)} />;
}

interface RecordTimelineProps {
  query: (filter: TimelineFilter) => ReturnType<typeof timelineQuery>;
  /** Names entries by the person they are about, on a timeline that holds several people's. */
  personNames?: ReadonlyMap<string, string>;
}

/** A record's timeline with its filters and paging. */
export function RecordTimeline({ query, personNames }: RecordTimelineProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<TimelineFilter>({ kinds: [] });
  const timeline = useInfiniteQuery(query(filter));
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const kinds = timeline.data?.pages[0]?.kinds ?? [...TIMELINE_KINDS];
  const filtered = filter.kinds.length > 0 || Boolean(filter.from || filter.to);
  return (
    <SectionCard title={t.timeline.title} action={<TimelineDateRange filter={filter} onChange={setFilter} />}>
      <Stack gap="lg">
        <TimelineKindFilter kinds={kinds} filter={filter} onChange={setFilter} />
        {timeline.isPending && (
          <Center py="xl">
            <Loader size="sm" type="dots" />
          </Center>
        )}
        {timeline.isError && (
          <Text size="sm" c="red.7" role="alert">
            {problemMessage(timeline.error, t)}
          </Text>
        )}
        {timeline.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            {filtered ? t.timeline.emptyFiltered : t.timeline.empty}
          </Text>
        )}
        {items.length > 0 && (
          <Box
            component="ol"
            m={0}
            p={0}
            aria-label={t.timeline.title}
            style={{ opacity: timeline.isPlaceholderData ? 0.6 : 1 }}
          >
            {items.map((item, index) => (
              <TimelineEntry
                key={`${item.kind}:${item.id}`}
                item={item}
                last={index === items.length - 1}
                personName={item.personId ? personNames?.get(item.personId) : undefined}
              />
            ))}
          </Box>
        )}
        {timeline.hasNextPage && (
          <Center>
            <Button variant="default" loading={timeline.isFetchingNextPage} onClick={() => timeline.fetchNextPage()}>
              {t.timeline.loadMore}
            </Button>
          </Center>
        )}
      </Stack>
    </SectionCard>
  );
}
