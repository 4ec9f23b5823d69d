import { Anchor, Badge, Box, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { describeEventDetail } from "../events/describe-event-detail";
import { eventTitle } from "../events/event-title";
import { type EventDetail, isEventType } from "../events/types";
import { formatDateTime, formatFileSize, formatKronor } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import { useI18n } from "../i18n/use-i18n";
import { type AttachedDocument, isTimelineKind, type TimelineItem } from "../register/types";
import { DownloadIcon } from "../ui/icons";
import { caseCategoryLabel } from "./case-category";
import { DueDate } from "./due-date";
import { KindIcon } from "./kind-icon";
import { TaskStatusButton } from "./task-status-button";

const text = (value: unknown) => (typeof value === "string" ? value : null);
const record = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The server titles and sums up tracked events in English, and picks out their detail; the app
 * says the same in the reader's language from the event's own data. Other kinds are written by
 * people, as they are.
 */
function wording(item: TimelineItem, t: Messages, locale: Locale): { title: string; summary: string | null } {
  if (item.kind === "case") return caseWording(item, t);
  if (item.kind === "message") return messageWording(item, t);
  const type = item.data.type;
  if (item.kind !== "event" || !isEventType(type)) return { title: item.title, summary: item.summary };
  const detail = record(item.data.detail) as EventDetail | null;
  return {
    title: eventTitle({ type, name: text(item.data.name), properties: record(item.data.properties) }, t),
    summary: detail ? describeEventDetail(type, detail, t, locale) : item.summary,
  };
}

/** "Ärende 3: Trasig kaffebryggare" over "Reklamation · ny · hög · andra linjen". */
function caseWording(item: TimelineItem, t: Messages): { title: string; summary: string | null } {
  const { number, subject, status, priority, line, category } = item.data;
  if (typeof number !== "number" || typeof subject !== "string") return { title: item.title, summary: item.summary };
  const parts = [
    typeof category === "string" ? caseCategoryLabel(category, t) : null,
    t.timeline.caseStatus[String(status)] ?? text(status),
    t.timeline.casePriority[String(priority)] ?? text(priority),
    typeof line === "number" ? t.timeline.caseLine(line) : null,
  ];
  return { title: t.timeline.caseTitle(number, subject), summary: parts.filter(Boolean).join(" · ") };
}

/** A message's subject, its state when it has not gone out, then its text. */
function messageWording(item: TimelineItem, t: Messages): { title: string; summary: string | null } {
  const status = text(item.data.status);
  const state = status && status !== "sent" ? (t.timeline.messageStatus[status] ?? status) : null;
  const reason = text(item.data.suppressedReason);
  const said = reason ? (t.rules.firings.result.suppressedReasons[reason] ?? reason) : null;
  const head = state ? `${state}${said ? `: ${said}` : ""}` : null;
  return { title: item.title, summary: [head, item.summary].filter(Boolean).join("\n") || null };
}

/** One happening: an icon for its kind, what and when, and what that kind adds. */
interface TimelineEntryProps {
  item: TimelineItem;
  last: boolean;
  /** Who the entry is about, where the timeline is not one person's. */
  personName?: string | undefined;
}

export function TimelineEntry({ item, last, personName }: TimelineEntryProps) {
  const { t, locale } = useI18n();
  const kindLabel = isTimelineKind(item.kind) ? t.timeline.kinds[item.kind] : item.kind;
  const direction = text(item.data.direction);
  const { title, summary } = wording(item, t, locale);
  return (
    <Box component="li" pos="relative" pl={52} pb={last ? 0 : "lg"} style={{ listStyle: "none" }}>
      {!last && <Box pos="absolute" left={16} top={40} bottom={4} w={2} bg="gray.2" aria-hidden="true" />}
      <Box pos="absolute" left={0} top={0}>
        <KindIcon kind={item.kind} />
      </Box>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {kindLabel}
            {direction === "inbound" && ` · ${t.timeline.inbound}`}
            {direction === "outbound" && ` · ${t.timeline.outbound}`} · {formatDateTime(item.occurredAt, locale)}
            {personName && ` · ${personName}`}
          </Text>
        </Stack>
        {item.kind === "task" && (
          <TaskStatusButton
            taskId={item.id}
            status={text(item.data.status) ?? "open"}
            assigneeId={text(item.data.ownerId)}
          />
        )}
      </Group>
      {item.kind === "task" && <TaskDetails data={item.data} />}
      {item.kind === "order" && <OrderDetails data={item.data} />}
      {summary && item.kind !== "order" && (
        <Text
          size="sm"
          mt={6}
          c="dark.6"
          style={{ whiteSpace: "pre-line" }}
          lineClamp={item.kind === "event" ? 1 : 6}
          title={item.kind === "event" ? summary : undefined}
        >
          {summary}
        </Text>
      )}
      {item.kind === "document" && <DocumentLinks documents={documentsOf(item.data)} />}
    </Box>
  );
}

function TaskDetails({ data }: { data: Record<string, unknown> }) {
  const { t } = useI18n();
  const status = text(data.status) ?? "open";
  const dueAt = text(data.dueAt);
  const statusLabel =
    status === "open" || status === "done" || status === "cancelled" ? t.timeline.taskStatus[status] : status;
  return (
    <Group gap={6} mt={6}>
      <Badge
        size="sm"
        radius="sm"
        tt="none"
        variant="light"
        color={status === "done" ? "pine" : status === "open" ? "orange" : "gray"}
      >
        {statusLabel}
      </Badge>
      {dueAt && <DueDate dueAt={dueAt} open={status === "open"} size="xs" label={t.timeline.due} />}
    </Group>
  );
}

function OrderDetails({ data }: { data: Record<string, unknown> }) {
  const { t, locale } = useI18n();
  const total = typeof data.totalSek === "number" ? data.totalSek : null;
  const status = text(data.status);
  const lines = typeof data.lines === "number" ? data.lines : null;
  const details: ReactNode[] = [];
  if (status) details.push(t.timeline.orderStatus[status] ?? status);
  if (lines !== null) details.push(t.timeline.orderLines(lines));
  return (
    <Group gap="sm" mt={6} align="baseline">
      {total !== null && (
        <Text fw={700} size="md" data-testid="order-total">
          {formatKronor(total, locale)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {details.join(" · ")}
      </Text>
    </Group>
  );
}

function documentsOf(data: Record<string, unknown>): AttachedDocument[] {
  return Array.isArray(data.documents) ? (data.documents as AttachedDocument[]) : [];
}

function DocumentLinks({ documents }: { documents: AttachedDocument[] }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4} mt={6}>
      {documents.map((document) => (
        <Group key={document.id} gap={6} wrap="nowrap">
          <Anchor
            href={`/api/documents/${document.id}`}
            download={document.filename}
            size="sm"
            aria-label={t.timeline.download(document.filename)}
          >
            <Group gap={4} wrap="nowrap">
              <DownloadIcon size={15} />
              {document.filename}
            </Group>
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatFileSize(document.sizeBytes, locale)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
