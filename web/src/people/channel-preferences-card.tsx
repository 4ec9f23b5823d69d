import { ActionIcon, Button, Chip, Group, Input, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { useRefreshRegister } from "../register/queries";
import { useRecordWritable } from "../register/record-writable";
import { SourceNote } from "../register/source-note";
import { type ChannelPreference, CONTACT_CHANNELS, type ContactChannel, type Person } from "../register/types";
import { CloseIcon, PlusIcon } from "../ui/icons";
import { parseTime } from "../ui/parse-time";
import { SectionCard } from "../ui/section-card";
import { describeWindow } from "./describe-window";

/** The topics offered, the catch-all last; a topic set through the API shows under its own code. */
const TOPICS = ["orders", "support", "offers", "invoices", "events", "*"] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const FIELDS = ["topic", "channel", "window.days", "window.from", "window.to"];

/**
 * *Kanalval*: which channel the person wants to be contacted on about what, and when. "SMS about
 * deliveries, weekdays 08–17; e-mail for everything else" is what sales and support read before
 * they reach out, and what the person told one of them.
 */
export function ChannelPreferencesCard({ person }: { person: Person }) {
  const { t } = useI18n();
  const writable = useRecordWritable();
  const [adding, setAdding] = useState(false);
  const topicName = (topic: string) => t.preferences.topics[topic] ?? topic;
  const preferences = [...person.channelPreferences].sort(
    (a, b) => Number(a.topic === "*") - Number(b.topic === "*") || a.topic.localeCompare(b.topic),
  );
  return (
    <SectionCard
      title={t.preferences.title}
      action={
        writable &&
        !adding && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setAdding(true)}
          >
            {t.preferences.add}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {preferences.length === 0 && !adding && (
          <Text size="sm" c="dimmed">
            {t.preferences.empty}
          </Text>
        )}
        {preferences.map((preference) => (
          <PreferenceRow
            key={preference.topic}
            personId={person.id}
            preference={preference}
            topicName={topicName(preference.topic)}
            writable={writable}
          />
        ))}
        {adding && <PreferenceForm personId={person.id} onDone={() => setAdding(false)} />}
      </Stack>
    </SectionCard>
  );
}

interface PreferenceRowProps {
  personId: string;
  preference: ChannelPreference;
  topicName: string;
  writable: boolean;
}

function PreferenceRow({ personId, preference, topicName, writable }: PreferenceRowProps) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const remove = useMutation({
    mutationFn: () =>
      api(`/api/people/${personId}/channel-preferences/${encodeURIComponent(preference.topic)}`, {
        method: "DELETE",
      }),
    onSuccess: refreshRegister,
  });
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" role="group" aria-label={topicName}>
      <Stack gap={0} flex={1} miw={0}>
        <Text size="sm" fw={500}>
          {topicName}
        </Text>
        <Text size="sm">
          {t.consents.channels[preference.channel]} · {describeWindow(preference.window, t.preferences)}
        </Text>
        <SourceNote source={preference.source} />
      </Stack>
      {writable && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t.preferences.remove(topicName)}
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          <CloseIcon size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

interface Draft {
  topic: string;
  channel: ContactChannel;
  days: string[];
  from: string;
  to: string;
}

function PreferenceForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState<Draft>({ topic: "*", channel: "email", days: [], from: "", to: "" });
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: object) => api(`/api/people/${personId}/channel-preferences`, { method: "PUT", body }),
    onSuccess: async () => {
      await refreshRegister();
      onDone();
    },
  });
  const problems = formProblems(save.error, FIELDS, t);
  const change = (next: Partial<Draft>) => {
    save.reset();
    setLocal({});
    setDraft((current) => ({ ...current, ...next }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const timed = draft.from.trim() !== "" || draft.to.trim() !== "";
    // Written as Swedes write a time (08.00, 0800, 8:00); the day may end at 24:00.
    const from = parseTime(draft.from);
    const to = draft.to.trim() === "24:00" ? "24:00" : parseTime(draft.to);
    const faults: Record<string, string> = {};
    if (draft.from.trim() !== "" && !from) faults["window.from"] = t.dateTimeField.timeFormat;
    if (draft.to.trim() !== "" && !to) faults["window.to"] = t.dateTimeField.timeFormat;
    // Hours need their days, and days their hours: half a window would be read as any time.
    if (draft.days.length > 0 && draft.from.trim() === "") faults["window.from"] = t.preferences.timeRequired;
    if (draft.days.length > 0 && draft.to.trim() === "") faults["window.to"] = t.preferences.timeRequired;
    if (timed && draft.days.length === 0) faults["window.days"] = t.preferences.daysRequired;
    setLocal(faults);
    if (Object.keys(faults).length > 0) return;
    save.mutate({
      topic: draft.topic,
      channel: draft.channel,
      window: from && to ? { days: draft.days.map(Number).sort(), from, to } : null,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t.preferences.formTitle}>
      <Stack gap="sm">
        <FormProblemAlert error={save.error} unplaced={problems.unplaced} />
        <Select
          label={t.preferences.topic}
          description={t.preferences.topicHint}
          data={TOPICS.map((topic) => ({ value: topic, label: t.preferences.topics[topic] ?? topic }))}
          value={draft.topic}
          onChange={(value) => value && change({ topic: value })}
          allowDeselect={false}
          error={problems.at("topic")}
        />
        <Select
          label={t.preferences.channel}
          data={CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t.consents.channels[channel] }))}
          value={draft.channel}
          onChange={(value) => value && change({ channel: value as ContactChannel })}
          allowDeselect={false}
          error={problems.at("channel")}
        />
        <Input.Wrapper
          label={t.preferences.days}
          description={t.preferences.daysHint}
          error={local["window.days"] ?? problems.at("window.days")}
          labelElement="div"
          role="group"
          aria-label={t.preferences.days}
        >
          <Chip.Group multiple value={draft.days} onChange={(days) => change({ days })}>
            <Group gap={6} mt={4}>
              {WEEKDAYS.map((day) => (
                <Chip key={day} value={String(day)} size="xs">
                  {t.preferences.dayNames[day - 1]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Group grow gap="sm" align="flex-start">
          <TextInput
            label={t.preferences.from}
            placeholder={t.dateTimeField.timePlaceholder}
            value={draft.from}
            onChange={(event) => change({ from: event.currentTarget.value })}
            error={local["window.from"] ?? problems.at("window.from")}
          />
          <TextInput
            label={t.preferences.to}
            placeholder={t.dateTimeField.timePlaceholder}
            value={draft.to}
            onChange={(event) => change({ to: event.currentTarget.value })}
            error={local["window.to"] ?? problems.at("window.to")}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" onClick={onDone}>
            {t.preferences.cancel}
          </Button>
          <Button type="submit" size="xs" loading={save.isPending}>
            {t.preferences.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
