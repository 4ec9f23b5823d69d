import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { BackLink } from "../ui/back-link";
import { SectionCard } from "../ui/section-card";
import { EventDrawer } from "./event-drawer";
import { EventsTable } from "./events-table";
import { LiveToggle } from "./live-toggle";
import { sourceDebuggerQuery, sourcesQuery } from "./queries";
import { RejectionsTable } from "./rejections-table";
import type { TrackedEvent } from "./types";

const debuggerRoute = getRouteApi("/shell/events/sources/$sourceId");

/** What one source sent lately, accepted and refused, for whoever is setting it up. */
export function SourceDebuggerPage() {
  const { t } = useI18n();
  const { sourceId } = debuggerRoute.useParams();
  const [live, setLive] = useState(true);
  const [opened, setOpened] = useState<TrackedEvent | null>(null);
  const sources = useQuery(sourcesQuery);
  const source = sources.data?.find((candidate) => candidate.id === sourceId);
  const recent = useQuery(sourceDebuggerQuery(sourceId, live));
  const error = recent.isError ? problemMessage(recent.error, t) : null;
  return (
    <Stack gap="lg">
      <BackLink to="/events/sources" label={t.sourceDebugger.back} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={2}>{source?.name ?? t.sourceDebugger.unknownSource}</Title>
            {source && (
              <Badge variant="light" color="gray" radius="sm" tt="none">
                {t.sources.kinds[source.kind]}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {t.sourceDebugger.intro}
          </Text>
        </div>
        <LiveToggle live={live} onChange={setLive} />
      </Group>
      <SectionCard title={t.sourceDebugger.rejections}>
        <RejectionsTable rejections={recent.data?.rejections ?? []} loading={recent.isPending} error={error} />
      </SectionCard>
      <SectionCard title={t.sourceDebugger.events}>
        <EventsTable
          label={t.sourceDebugger.events}
          events={recent.data?.events ?? []}
          loading={recent.isPending}
          error={error}
          empty={t.sourceDebugger.noEvents}
          onOpen={setOpened}
          showSource={false}
        />
      </SectionCard>
      <EventDrawer event={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
