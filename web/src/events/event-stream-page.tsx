import { Button, Center, Group, Paper, Stack } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { EventDrawer } from "./event-drawer";
import { EventStreamFilters } from "./event-stream-filters";
import type { EventStreamSearch } from "./event-stream-search";
import { EventsTable } from "./events-table";
import { LiveToggle } from "./live-toggle";
import { eventStreamQuery } from "./queries";
import type { TrackedEvent } from "./types";

const streamRoute = getRouteApi("/shell/events/");

/** Events as they arrive, newest first, read again every few seconds until paused. */
export function EventStreamPage() {
  const { t } = useI18n();
  const search = streamRoute.useSearch();
  const navigate = streamRoute.useNavigate();
  const [live, setLive] = useState(true);
  const [opened, setOpened] = useState<TrackedEvent | null>(null);
  const stream = useInfiniteQuery(eventStreamQuery(search, live));
  const events = stream.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(search).some((value) => value !== undefined);
  const changeSearch = (change: EventStreamSearch) =>
    navigate({ search: (current) => ({ ...current, ...change }), replace: true });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md" wrap="nowrap">
        <EventStreamFilters search={search} onChange={changeSearch} />
        <LiveToggle live={live} onChange={setLive} />
      </Group>
      <Paper withBorder radius="md">
        <EventsTable
          label={t.events.tabs.stream}
          events={events}
          loading={stream.isPending}
          error={stream.isError ? problemMessage(stream.error, t) : null}
          empty={filtered ? t.stream.emptyFiltered : t.stream.empty}
          onOpen={setOpened}
          stale={stream.isPlaceholderData}
        />
        {stream.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={stream.isFetchingNextPage} onClick={() => stream.fetchNextPage()}>
              {t.stream.loadMore}
            </Button>
          </Center>
        )}
      </Paper>
      <EventDrawer event={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
