import { Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { EventRow } from "./event-row";
import { sourcesQuery } from "./queries";
import type { TrackedEvent } from "./types";

interface EventsTableProps {
  /** Names the table for assistive technology. */
  label: string;
  events: TrackedEvent[];
  loading: boolean;
  error: string | null;
  empty: string;
  onOpen: (event: TrackedEvent) => void;
  /** Older results stay while new ones load, faded. */
  stale?: boolean;
  /** Off where every event is from the same source, e.g. in its debugger. */
  showSource?: boolean;
}

/** Events newest first, one row each; the stream and a source's debugger both show them this way. */
export function EventsTable({
  label,
  events,
  loading,
  error,
  empty,
  onOpen,
  stale = false,
  showSource = true,
}: EventsTableProps) {
  const { t } = useI18n();
  const sources = useQuery(sourcesQuery);
  const sourceName = (id: string) => sources.data?.find((source) => source.id === id)?.name ?? null;
  return (
    <Table.ScrollContainer minWidth={showSource ? 1000 : 880}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.stream.time}</Table.Th>
            <Table.Th>{t.stream.type}</Table.Th>
            <Table.Th>{t.stream.event}</Table.Th>
            <Table.Th>{t.stream.person}</Table.Th>
            {showSource && <Table.Th>{t.stream.source}</Table.Th>}
            <Table.Th>{t.stream.device}</Table.Th>
            <Table.Th>{t.stream.country}</Table.Th>
            <Table.Th>{t.stream.channel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          <TableState columns={showSource ? 8 : 7} loading={loading} error={error} empty={empty} rows={events.length} />
          {events.map((event) => (
            <EventRow
              key={event.id}
              event={event}
              sourceName={sourceName(event.sourceId)}
              showSource={showSource}
              onOpen={onOpen}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
