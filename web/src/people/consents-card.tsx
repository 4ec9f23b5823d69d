import { Divider, Group, Stack, Switch, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import { formatDate } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshRegister } from "../register/queries";
import { useRecordWritable } from "../register/record-writable";
import { CONTACT_CHANNELS, type ContactChannel, type Person } from "../register/types";
import { SectionCard } from "../ui/section-card";
import { consentKey, consentPurposes, latestConsents } from "./latest-consents";

interface ConsentDecision {
  purpose: string;
  channel: ContactChannel;
  status: "granted" | "withdrawn";
}

export function ConsentsCard({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const refreshRegister = useRefreshRegister();
  const writable = useRecordWritable();
  const record = useMutation({
    mutationFn: (decision: ConsentDecision) =>
      api(`/api/people/${person.id}/consents`, { method: "POST", body: decision }),
    onSuccess: refreshRegister,
  });
  const object = useMutation({
    mutationFn: (objects: boolean) =>
      api(`/api/people/${person.id}/profiling-objection`, { method: "PUT", body: { objects } }),
    onSuccess: refreshRegister,
  });
  const latest = latestConsents(person.consents);
  const failure = record.error ?? object.error;
  return (
    <SectionCard title={t.consents.title}>
      <Stack gap="md">
        {consentPurposes(person.consents).map((purpose) => (
          <Stack
            key={purpose}
            gap={8}
            role="group"
            aria-label={purpose === "marketing" ? t.consents.marketing : purpose}
          >
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
              {purpose === "marketing" ? t.consents.marketing : purpose}
            </Text>
            {CONTACT_CHANNELS.map((channel) => {
              const decision = latest.get(consentKey(purpose, channel));
              const channelName = t.consents.channels[channel];
              return (
                <Group key={channel} justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0}>
                    <Text size="sm">{channelName}</Text>
                    <Text size="xs" c={decision?.status === "granted" ? "pine.7" : "dimmed"}>
                      {decision
                        ? `${decision.status === "granted" ? t.consents.granted : t.consents.withdrawn} · ${t.consents.recorded(formatDate(decision.recordedAt, locale))}`
                        : t.consents.unknown}
                    </Text>
                  </Stack>
                  <Switch
                    aria-label={t.consents.toggle(channelName.toLocaleLowerCase(locale))}
                    checked={decision?.status === "granted"}
                    disabled={record.isPending || !writable}
                    onChange={(event) =>
                      record.mutate({ purpose, channel, status: event.currentTarget.checked ? "granted" : "withdrawn" })
                    }
                  />
                </Group>
              );
            })}
          </Stack>
        ))}
        <Divider />
        <Switch
          label={t.consents.profiling}
          description={t.consents.profilingHint}
          checked={person.profilingObjection}
          disabled={object.isPending || !writable}
          onChange={(event) => object.mutate(event.currentTarget.checked)}
          labelPosition="left"
          styles={{ body: { justifyContent: "space-between" }, labelWrapper: { flex: 1 } }}
        />
        {failure && (
          <Text size="sm" c="red.7" role="alert">
            {problemMessage(failure, t)}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
