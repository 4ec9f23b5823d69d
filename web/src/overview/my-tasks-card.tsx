import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../api/api";
import type { Items } from "../api/types";
import { useMe } from "../auth/me-query";
import { formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { isPastDay } from "../people/local-time";
import { DueDate } from "../timeline/due-date";
import { TaskStatusButton } from "../timeline/task-status-button";
import { TableState } from "../ui/table-state";

/** The most a card fetches; a seller with more has a backlog, and the card says so. */
const SHOWN = 50;
/** Shown before "Visa alla": the overview stays an overview. */
const FIRST = 8;

interface TaskListItem {
  id: string;
  subject: string;
  dueAt: string | null;
  status: string;
  ownerId: string | null;
  customer: { kind: "person" | "organization"; id: string; name: string } | null;
}

const myOpenTasksQuery = (ownerId: string) =>
  queryOptions({
    // Under "people": every write to the register refreshes it (a task logged, done or handed over).
    queryKey: ["people", "tasks", ownerId],
    queryFn: () => api<Items<TaskListItem>>("/api/tasks", { query: { ownerId, status: "open", limit: SHOWN } }),
    select: (page) => page.items,
  });

/** The signed-in user's open tasks across all customers, the earliest due first. */
export function MyTasksCard() {
  const { t, locale } = useI18n();
  const user = useMe();
  const tasks = useQuery(myOpenTasksQuery(user.id));
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? tasks.data : tasks.data?.slice(0, FIRST);
  const today = new Date();
  const late = tasks.data?.filter((task) => task.dueAt !== null && isPastDay(task.dueAt, today)).length ?? 0;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t.tasks.heading}
        </Title>
        {late > 0 && (
          <Badge color="red" variant="light" tt="none">
            {t.tasks.late(late, formatNumber(late, locale))}
          </Badge>
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={t.tasks.heading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.tasks.due}</Table.Th>
              <Table.Th>{t.tasks.task}</Table.Th>
              <Table.Th>{t.tasks.customer}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={4}
              loading={tasks.isPending}
              error={tasks.isError ? problemMessage(tasks.error, t) : null}
              empty={t.tasks.none}
              rows={tasks.data?.length}
            />
            {shown?.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        {(tasks.data?.length ?? 0) > FIRST ? (
          <Button size="xs" variant="subtle" onClick={() => setExpanded(!expanded)}>
            {expanded
              ? t.tasks.showFewer
              : tasks.data?.length === SHOWN
                ? t.tasks.showFirst(formatNumber(SHOWN, locale))
                : t.tasks.showAll(formatNumber(tasks.data?.length ?? 0, locale))}
          </Button>
        ) : (
          <span />
        )}
        {expanded && tasks.data?.length === SHOWN && (
          <Text size="sm" c="dimmed">
            {t.tasks.firstShown(formatNumber(SHOWN, locale))}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

function TaskRow({ task }: { task: TaskListItem }) {
  const { t } = useI18n();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {task.dueAt ? (
          <DueDate dueAt={task.dueAt} open size="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            {t.tasks.noDueDate}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.subject}</Text>
      </Table.Td>
      <Table.Td>
        <CustomerLink customer={task.customer} />
      </Table.Td>
      <Table.Td ta="right">
        <TaskStatusButton taskId={task.id} status={task.status} assigneeId={task.ownerId} />
      </Table.Td>
    </Table.Tr>
  );
}

function CustomerLink({ customer }: { customer: TaskListItem["customer"] }) {
  if (!customer) return <Text size="sm">–</Text>;
  return customer.kind === "person" ? (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link to="/people/$personId" params={{ personId: customer.id }} {...props} />}
    >
      {customer.name}
    </Anchor>
  ) : (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/organizations/$organizationId" params={{ organizationId: customer.id }} {...props} />
      )}
    >
      {customer.name}
    </Anchor>
  );
}
