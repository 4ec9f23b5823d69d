import { Anchor, Stack, Table, Text } from "@mantine/core";
import { formatCountry, formatDateTimeSeconds } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { describeDevice } from "./describe-device";
import { eventTitle } from "./event-title";
import { EventTypeBadge } from "./event-type-badge";
import { PersonLink } from "./person-link";
import type { TrackedEvent } from "./types";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** Two lines in a cell: the fact, and a dimmed detail under it. */
function Lines({ main, detail, mono }: { main: string; detail?: string | null; mono?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{main}</Text>
      {detail && (
        <Text size="xs" c="dimmed" ff={mono ? "monospace" : undefined} lineClamp={1} style={{ wordBreak: "break-all" }}>
          {detail}
        </Text>
      )}
    </Stack>
  );
}

interface EventRowProps {
  event: TrackedEvent;
  /** null when the source is not (yet) known; the column is left out when `showSource` is false. */
  sourceName: string | null;
  showSource: boolean;
  onOpen: (event: TrackedEvent) => void;
}

/** The whole row opens the event; the title is also a button, for keyboards. */
export function EventRow({ event, sourceName, showSource, onOpen }: EventRowProps) {
  const { t, locale } = useI18n();
  const enrichment = event.enrichment ?? {};
  const properties = event.properties ?? {};
  const where = text(properties.path) ?? text(properties.url);
  const reference = enrichment.reference;
  const device = describeDevice(enrichment.device, t);
  const deviceType = enrichment.device ? t.events.deviceTypes[enrichment.device.deviceType] : null;
  const visitor = event.userId ?? event.anonymousId;
  return (
    <Table.Tr onClick={() => onOpen(event)} style={{ cursor: "pointer" }}>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm" title={event.occurredAt}>
          {formatDateTimeSeconds(event.occurredAt, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        <EventTypeBadge type={event.type} />
      </Table.Td>
      <Table.Td maw={320}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          c="inherit"
          ta="left"
          onClick={(click) => {
            click.stopPropagation();
            onOpen(event);
          }}
        >
          {eventTitle(event, t)}
        </Anchor>
        {where && event.type === "page" && (
          <Text size="xs" c="dimmed" lineClamp={1} style={{ wordBreak: "break-all" }}>
            {where}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={220}>
        {event.personId ? (
          <PersonLink personId={event.personId} fallback={t.stream.unknownPerson} />
        ) : (
          <Lines main={t.stream.anonymous} detail={visitor} mono />
        )}
      </Table.Td>
      {showSource && <Table.Td>{sourceName ?? t.register.none}</Table.Td>}
      <Table.Td>{device ? <Lines main={device} detail={deviceType} /> : t.register.none}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {enrichment.country ? formatCountry(enrichment.country, locale) : t.register.none}
      </Table.Td>
      <Table.Td>
        {reference ? (
          <Lines
            main={t.events.channels[reference.channel] ?? reference.channel}
            detail={reference.campaign ?? reference.source}
          />
        ) : (
          t.register.none
        )}
      </Table.Td>
    </Table.Tr>
  );
}
