import {
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  useMatches,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { useRefreshRegister } from "../register/queries";
import { ACTIVITY_KINDS, type ActivityKind } from "../register/types";
import { DateField } from "../ui/date-field";
import { DateTimeField } from "../ui/date-time-field";
import { dateTimeProblem } from "../ui/date-time-value";
import { localDateTimeToIso, localDayToIso } from "./local-time";

type Direction = "outbound" | "inbound";

interface ActivityDraft {
  kind: ActivityKind;
  subject: string;
  body: string;
  direction: Direction;
  /** "YYYY-MM-DDTHH:mm" from the date-time field; empty means now. */
  occurredAt: string;
  /** date text, tasks only. */
  dueAt: string;
}

const EMPTY: ActivityDraft = { kind: "call", subject: "", body: "", direction: "outbound", occurredAt: "", dueAt: "" };
const FIELDS = ["kind", "subject", "body", "direction", "occurredAt", "dueAt"];
const HAS_DIRECTION: readonly ActivityKind[] = ["call", "email"];

function toBody(owner: ActivityOwner, draft: ActivityDraft) {
  const isTask = draft.kind === "task";
  return {
    personId: owner.personId,
    organizationId: owner.personId ? undefined : owner.organizationId,
    kind: draft.kind,
    subject: draft.subject,
    body: draft.body.trim() || undefined,
    direction: HAS_DIRECTION.includes(draft.kind) ? draft.direction : undefined,
    occurredAt: !isTask ? localDateTimeToIso(draft.occurredAt) : undefined,
    dueAt: isTask ? localDayToIso(draft.dueAt) : undefined,
  };
}

/** Whose timeline the activity goes in: a person's, or an organisation's. */
interface ActivityOwner {
  personId?: string;
  organizationId?: string;
}

interface LogActivityProps extends ActivityOwner {
  opened: boolean;
  onClose: () => void;
}

export function LogActivityModal({ opened, onClose, ...owner }: LogActivityProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.activity.title} size="lg">
      {opened && <LogActivityForm {...owner} onClose={onClose} />}
    </Modal>
  );
}

function LogActivityForm({ onClose, ...owner }: Omit<LogActivityProps, "opened">) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState(EMPTY);
  const log = useMutation({
    mutationFn: (input: ActivityDraft) => api("/api/activities", { method: "POST", body: toBody(owner, input) }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });
  // Five kinds side by side need about 460 px; a phone lists them one under the other.
  const kindOrientation = useMatches<"horizontal" | "vertical">({ base: "vertical", xs: "horizontal" });
  const update = (change: Partial<ActivityDraft>) => setDraft((current) => ({ ...current, ...change }));
  const problems = formProblems(log.error, FIELDS, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A half-filled "När" is not sent: the server could only call it an invalid date, the field says which half is missing.
    if (draft.kind !== "task" && dateTimeProblem(draft.occurredAt)) return;
    log.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={log.error} unplaced={problems.unplaced} />
        <SegmentedControl
          aria-label={t.activity.kind}
          data={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t.timeline.kinds[kind] }))}
          value={draft.kind}
          onChange={(value) => update({ kind: value as ActivityKind })}
          orientation={kindOrientation}
          fullWidth
        />
        <TextInput
          label={t.activity.subject}
          value={draft.subject}
          onChange={(event) => update({ subject: event.currentTarget.value })}
          error={problems.at("subject")}
          data-autofocus
        />
        <Textarea
          label={t.activity.body}
          value={draft.body}
          onChange={(event) => update({ body: event.currentTarget.value })}
          error={problems.at("body")}
          autosize
          minRows={3}
          maxRows={10}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {draft.kind === "task" ? (
            <DateField
              label={t.activity.dueAt}
              value={draft.dueAt}
              onChange={(dueAt) => update({ dueAt })}
              error={problems.at("dueAt")}
            />
          ) : (
            <DateTimeField
              label={t.activity.occurredAt}
              description={t.activity.occurredAtHint}
              value={draft.occurredAt}
              onChange={(occurredAt) => update({ occurredAt })}
              error={problems.at("occurredAt")}
            />
          )}
          {HAS_DIRECTION.includes(draft.kind) && (
            <Input.Wrapper label={t.activity.direction} description=" ">
              <SegmentedControl
                aria-label={t.activity.direction}
                data={[
                  { value: "outbound", label: t.activity.outbound },
                  { value: "inbound", label: t.activity.inbound },
                ]}
                value={draft.direction}
                onChange={(value) => update({ direction: value as Direction })}
                fullWidth
              />
            </Input.Wrapper>
          )}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t.activity.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
