import { Alert, Button, Group, List, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import { useI18n } from "../i18n/use-i18n";
import {
  type BulkChoice,
  type BulkChoices,
  type BulkMatch,
  bulkSet,
  KEEP_ALL,
  refusedIds,
  refusedRecords,
} from "./bulk-change";
import { CustomAttributeInput } from "./custom-attribute-input";
import { prepareCustomValues } from "./custom-values";
import { directoryQuery } from "./directory";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { customAttributesQuery, useRefreshRegister } from "./queries";
import { LIFECYCLE_STAGES } from "./types";

/** The records to change: ticked rows, or everyone the list's filters match. */
export type BulkTarget = { ids: readonly string[] } | { match: BulkMatch };

/** What a change did (or, reviewed first, would do). */
export interface BulkResult {
  changed: number;
  unchanged: number;
}

interface BulkChangeModalProps {
  entity: "people" | "organizations";
  target: BulkTarget;
  /** A selected record's name, for the list of those that could not be changed. */
  nameOf: (id: string) => string;
  opened: boolean;
  onClose: () => void;
  onDone: (result: BulkResult) => void;
  onDeselect: (ids: string[]) => void;
}

/**
 * *Ändra valda*: a seller, a team and (for people) a stage for every selected record, or each left
 * as it is. A change to everyone the list matches is reviewed first: the server counts who would
 * change, and the change is then made only if the list still matches as many.
 */
export function BulkChangeModal({ entity, target, opened, onClose, ...rest }: BulkChangeModalProps) {
  const { t } = useI18n();
  const title =
    "match" in target
      ? entity === "people"
        ? t.bulk.titleAllPeople
        : t.bulk.titleAllOrganizations
      : entity === "people"
        ? t.bulk.titlePeople(target.ids.length)
        : t.bulk.titleOrganizations(target.ids.length);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && <BulkChangeForm entity={entity} target={target} onClose={onClose} {...rest} />}
    </Modal>
  );
}

interface BulkRequest {
  ids?: readonly string[];
  match?: BulkMatch;
  expectedCount?: number;
  dryRun?: boolean;
  set: Record<string, unknown>;
}

function BulkChangeForm({ entity, target, nameOf, onClose, onDone, onDeselect }: Omit<BulkChangeModalProps, "opened">) {
  const ids = "ids" in target ? target.ids : [];
  const matching = "match" in target;
  const { t, locale } = useI18n();
  const directory = useQuery(directoryQuery);
  const refreshRegister = useRefreshRegister();
  const [choices, setChoices] = useState<BulkChoices>(() =>
    entity === "people" ? { ...KEEP_ALL, lifecycleStage: "keep" } : KEEP_ALL,
  );
  const [sent, setSent] = useState<readonly string[]>([]);
  // The reviewed count of a change to everyone matched, for the choices it was reviewed with.
  const [review, setReview] = useState<(BulkResult & { set: string }) | null>(null);
  const change = useMutation({
    mutationFn: (body: BulkRequest) =>
      api<BulkResult & { dryRun: boolean }>(`/api/${entity}/bulk-change`, { method: "POST", body }),
    onSuccess: async (result, body) => {
      if (result.dryRun) {
        setReview({ changed: result.changed, unchanged: result.unchanged, set: JSON.stringify(body.set) });
        return;
      }
      await refreshRegister();
      onDone(result);
      onClose();
    },
    onError: () => setReview(null),
  });
  const attributes = useQuery(customAttributesQuery(entity === "people" ? "person" : "organization")).data ?? [];
  const [customKey, setCustomKey] = useState<string | null>(null);
  const [customDraft, setCustomDraft] = useState<unknown>(null);
  const attribute = attributes.find((each) => each.key === customKey);
  const prepared = attribute ? prepareCustomValues([attribute], { [attribute.key]: customDraft }, locale) : null;
  const set: Record<string, unknown> = {
    ...bulkSet(choices),
    ...(prepared && Object.keys(prepared.errors).length === 0 && { custom: prepared.values }),
  };
  const customField = attribute ? `set.custom.${attribute.key}` : "";
  const reviewed = review && review.set === JSON.stringify(set) ? review : null;
  const refusedMatches = refusedRecords(change.error);
  const stale = change.error instanceof ApiProblem && change.error.fieldError("expectedCount") !== undefined;
  const refused = refusedIds(change.error, sent);
  const problems = formProblems(
    change.error,
    ["set.ownerId", "set.ownerTeamId", "set.lifecycleStage", ...(customField ? [customField] : [])],
    t,
  );
  const choose = (field: keyof BulkChoices) => (value: string | null) =>
    setChoices((current) => ({ ...current, [field]: (value ?? "keep") as BulkChoice }));
  const fixed = (nobody: boolean) => [
    { value: "keep", label: t.bulk.keep },
    ...(nobody ? [{ value: "none", label: t.bulk.nobody }] : []),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matching) {
      setSent(ids);
      change.mutate({ ids, set });
    } else if (reviewed) {
      change.mutate({ match: target.match, set, expectedCount: reviewed.changed + reviewed.unchanged });
    } else {
      change.mutate({ match: target.match, set, dryRun: true });
    }
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
          {matching ? `${t.bulk.matchHint} ${t.bulk.hint}` : t.bulk.hint}
        </Text>
        {matching && refusedMatches.count > 0 ? (
          <Alert color="red" variant="light" role="alert">
            <Stack gap={6}>
              <Text size="sm">{t.bulk.refusedMatching(refusedMatches.count)}</Text>
              <List size="sm" spacing={2}>
                {refusedMatches.records.map((record) => (
                  <List.Item key={record.id}>
                    {record.name ?? record.id}: {t.bulk.reasons[record.code] ?? record.code}
                  </List.Item>
                ))}
                {refusedMatches.count > refusedMatches.records.length && (
                  <List.Item>{t.bulk.moreRefused(refusedMatches.count - refusedMatches.records.length)}</List.Item>
                )}
              </List>
              <Text size="sm">{t.bulk.narrow}</Text>
            </Stack>
          </Alert>
        ) : stale ? (
          <Alert color="yellow" variant="light" role="alert">
            <Text size="sm">{t.bulk.countChanged}</Text>
          </Alert>
        ) : refused.length > 0 ? (
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
        {attributes.length > 0 && (
          <Select
            label={t.bulk.customField}
            data={[
              { value: "keep", label: t.bulk.noCustomField },
              ...attributes.map((each) => ({ value: each.key, label: each.label })),
            ]}
            value={customKey ?? "keep"}
            onChange={(value) => {
              setCustomKey(value === "keep" ? null : value);
              setCustomDraft(null);
            }}
            allowDeselect={false}
            searchable
          />
        )}
        {attribute && (
          <CustomAttributeInput
            attribute={{ ...attribute, label: t.bulk.customValue(attribute.label), required: false }}
            value={customDraft}
            onChange={setCustomDraft}
            error={
              prepared?.errors[`custom.${attribute.key}`]
                ? t.fieldCodes[prepared.errors[`custom.${attribute.key}`] as keyof typeof t.fieldCodes]
                : problems.at(customField)
            }
          />
        )}
        {attribute && (customDraft === null || customDraft === "") && (
          <Text size="xs" c="dimmed">
            {t.bulk.customEmpties(attribute.label)}
          </Text>
        )}
        {reviewed && (
          <Alert color="blue" variant="light" role="status">
            <Text size="sm">{t.bulk.preview(reviewed.changed, reviewed.unchanged)}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button
            type="submit"
            loading={change.isPending}
            disabled={Object.keys(set).length === 0 || (!matching && ids.length === 0) || reviewed?.changed === 0}
          >
            {!matching ? t.bulk.apply : reviewed ? t.bulk.confirm(reviewed.changed) : t.bulk.check}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
