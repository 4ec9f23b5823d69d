import { Alert, Button, Group, List, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import { useI18n } from "../i18n/use-i18n";
import { type BulkChoice, type BulkChoices, bulkSet, KEEP_ALL, refusedIds } from "./bulk-change";
import { directoryQuery } from "./directory";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { useRefreshRegister } from "./queries";
import { LIFECYCLE_STAGES } from "./types";

interface BulkChangeModalProps {
  entity: "people" | "organizations";
  ids: readonly string[];
  /** A selected record's name, for the list of those that could not be changed. */
  nameOf: (id: string) => string;
  opened: boolean;
  onClose: () => void;
  onDone: (changed: number) => void;
  onDeselect: (ids: string[]) => void;
}

/** *Ändra valda*: a seller, a team and (for people) a stage for every selected record, or each left as it is. */
export function BulkChangeModal({ entity, ids, opened, onClose, ...rest }: BulkChangeModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={entity === "people" ? t.bulk.titlePeople(ids.length) : t.bulk.titleOrganizations(ids.length)}
    >
      {opened && <BulkChangeForm entity={entity} ids={ids} onClose={onClose} {...rest} />}
    </Modal>
  );
}

function BulkChangeForm({ entity, ids, nameOf, onClose, onDone, onDeselect }: Omit<BulkChangeModalProps, "opened">) {
  const { t } = useI18n();
  const directory = useQuery(directoryQuery);
  const refreshRegister = useRefreshRegister();
  const [choices, setChoices] = useState<BulkChoices>(() =>
    entity === "people" ? { ...KEEP_ALL, lifecycleStage: "keep" } : KEEP_ALL,
  );
  const [sent, setSent] = useState<readonly string[]>([]);
  const change = useMutation({
    mutationFn: (body: { ids: readonly string[]; set: Record<string, string | null> }) =>
      api<{ changed: number }>(`/api/${entity}/bulk-change`, { method: "POST", body }),
    onSuccess: async (result) => {
      await refreshRegister();
      onDone(result.changed);
      onClose();
    },
  });
  const set = bulkSet(choices);
  const refused = refusedIds(change.error, sent);
  const problems = formProblems(change.error, ["set.ownerId", "set.ownerTeamId", "set.lifecycleStage"], t);
  const choose = (field: keyof BulkChoices) => (value: string | null) =>
    setChoices((current) => ({ ...current, [field]: (value ?? "keep") as BulkChoice }));
  const fixed = (nobody: boolean) => [
    { value: "keep", label: t.bulk.keep },
    ...(nobody ? [{ value: "none", label: t.bulk.nobody }] : []),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(ids);
    change.mutate({ ids, set });
  };
  const reasonOf = (id: string) => {
    const index = sent.indexOf(id);
    const fault = change.error instanceof ApiProblem ? change.error.fieldError(`ids.${index}`) : undefined;
    return fault ? (t.bulk.reasons[fault.code] ?? fault.message) : "";
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t.bulk.hint}
        </Text>
        {refused.length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            <Stack gap={6}>
              <Text size="sm">{t.bulk.refused(refused.length, sent.length)}</Text>
              <List size="sm" spacing={2}>
                {refused.map((id) => (
                  <List.Item key={id}>
                    {nameOf(id)}: {reasonOf(id)}
                  </List.Item>
                ))}
              </List>
              <Group>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => {
                    onDeselect(refused);
                    change.reset();
                  }}
                >
                  {t.bulk.deselectRefused}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormProblemAlert error={change.error} unplaced={problems.unplaced} />
        )}
        <Select
          label={t.owner.label}
          data={[
            ...fixed(true),
            ...(directory.data?.users ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={choices.ownerId}
          onChange={choose("ownerId")}
          allowDeselect={false}
          searchable
          error={problems.at("set.ownerId")}
        />
        <Select
          label={t.owner.teamLabel}
          data={[
            ...fixed(true),
            ...(directory.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
          value={choices.ownerTeamId}
          onChange={choose("ownerTeamId")}
          allowDeselect={false}
          searchable
          error={problems.at("set.ownerTeamId")}
        />
        {choices.lifecycleStage !== undefined && (
          <Select
            label={t.people.stage}
            data={[...fixed(false), ...LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] }))]}
            value={choices.lifecycleStage}
            onChange={choose("lifecycleStage")}
            allowDeselect={false}
            error={problems.at("set.lifecycleStage")}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={change.isPending} disabled={Object.keys(set).length === 0 || ids.length === 0}>
            {t.bulk.apply}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
