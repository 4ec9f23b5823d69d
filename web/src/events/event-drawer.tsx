import { Button, Code, CopyButton, Drawer, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDateTimeSeconds } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { Fact, Facts } from "../ui/facts";
import { CopyIcon } from "../ui/icons";
import { eventTitle } from "./event-title";
import { EventTypeBadge } from "./event-type-badge";
import { PersonLink } from "./person-link";
import { sourcesQuery } from "./queries";
import type { TrackedEvent } from "./types";

const isEmpty = (value: Record<string, unknown> | null) => value === null || Object.keys(value).length === 0;

/** An id in full, breakable anywhere: ids are long and have no spaces. */
function Id({ children }: { children: ReactNode }) {
  return (
    <Text span ff="monospace" size="sm" style={{ wordBreak: "break-all" }}>
      {children}
    </Text>
  );
}

function JsonSection({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Code block fz="xs" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

/** Everything stored about one event, for whoever sets up or debugs a source. */
export function EventDrawer({ event, onClose }: { event: TrackedEvent | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={event !== null}
      onClose={onClose}
      position="right"
      size="xl"
      styles={DRAWER_STYLES}
      title={event ? eventTitle(event, t) : ""}
    >
      {event && <EventDetails event={event} />}
    </Drawer>
  );
}

function EventDetails({ event }: { event: TrackedEvent }) {
  const { t, locale } = useI18n();
  const sources = useQuery(sourcesQuery);
  const source = sources.data?.find((candidate) => candidate.id === event.sourceId);
  const none = t.register.none;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <EventTypeBadge type={event.type} />
        <CopyButton value={JSON.stringify(event, null, 2)}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? "light" : "default"}
              leftSection={<CopyIcon size={14} />}
              onClick={copy}
            >
              {copied ? t.eventDetails.copied : t.eventDetails.copyJson}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Facts>
        <Fact label={t.eventDetails.occurredAt}>{formatDateTimeSeconds(event.occurredAt, locale)}</Fact>
        <Fact label={t.eventDetails.receivedAt}>{formatDateTimeSeconds(event.receivedAt, locale)}</Fact>
        <Fact label={t.eventDetails.source}>{source?.name ?? none}</Fact>
        <Fact label={t.eventDetails.person}>
          {event.personId ? <PersonLink personId={event.personId} fallback={t.stream.unknownPerson} /> : none}
        </Fact>
        <Fact label={t.eventDetails.anonymousId}>{event.anonymousId ? <Id>{event.anonymousId}</Id> : none}</Fact>
        <Fact label={t.eventDetails.userId}>{event.userId ? <Id>{event.userId}</Id> : none}</Fact>
        <Fact label={t.eventDetails.messageId}>
          <Id>{event.messageId}</Id>
        </Fact>
      </Facts>
      <JsonSection title={t.eventDetails.properties} value={event.properties ?? {}} />
      {!isEmpty(event.traits) && <JsonSection title={t.eventDetails.traits} value={event.traits} />}
      <JsonSection title={t.eventDetails.context} value={event.context ?? {}} />
      <JsonSection title={t.eventDetails.enrichment} value={event.enrichment ?? {}} />
      {!isEmpty(event.integrations) && <JsonSection title={t.eventDetails.integrations} value={event.integrations} />}
    </Stack>
  );
}
