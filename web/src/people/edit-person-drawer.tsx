import { Button, Drawer, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { formatLanguage } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { CustomFieldsSection } from "../register/custom-fields-section";
import { customValueChanged, prepareCustomValues } from "../register/custom-values";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { formatPersonnummer } from "../register/format-identity";
import { OwnerFields } from "../register/owner-fields";
import { customAttributesQuery, useRefreshRegister } from "../register/queries";
import { isLifecycleStage, LIFECYCLE_STAGES, type LifecycleStage, type Person } from "../register/types";
import { DateField } from "../ui/date-field";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { givenNameWords } from "./given-name-segments";
import { PreferredNameInput } from "./preferred-name-input";

/** Languages customers here are most often written to in; the list is short on purpose. */
const LANGUAGES = ["sv", "en", "fi", "no", "da", "de", "pl", "ar", "fa", "so"];
const TIME_ZONES = ["Europe/Stockholm", "Europe/Helsinki", "Europe/Oslo", "Europe/Copenhagen", "Europe/London", "UTC"];

interface PersonDraft {
  givenNames: string;
  surname: string;
  preferredGivenName: string;
  preferredNameMarking: string;
  personnummer: string;
  birthDate: string;
  language: string;
  timeZone: string;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  ownerTeamId: string | null;
  custom: Record<string, unknown>;
}

function draftOf(person: Person): PersonDraft {
  // The chip of the name the person goes by is shown chosen, however it was chosen.
  const chosenWord = !person.greetingUncertain && givenNameWords(person.givenNames).includes(person.greetingName);
  return {
    givenNames: person.givenNames,
    preferredGivenName: chosenWord ? person.greetingName : "",
    surname: person.surname,
    preferredNameMarking: person.preferredNameMarking ?? "",
    personnummer: person.personnummer ? formatPersonnummer(person.personnummer) : "",
    birthDate: person.birthDate ?? "",
    language: person.language,
    timeZone: person.timeZone,
    lifecycleStage: person.lifecycleStage,
    ownerId: person.ownerId,
    ownerTeamId: person.ownerTeamId,
    custom: person.custom,
  };
}

/** Only what changed is sent: the lineage then says which fields this edit set. Custom fields aside. */
function changes(before: PersonDraft, after: PersonDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of ["givenNames", "surname", "language", "timeZone", "lifecycleStage"] as const) {
    if (after[field] !== before[field]) body[field] = after[field];
  }
  for (const field of ["ownerId", "ownerTeamId"] as const) {
    if (after[field] !== before[field]) body[field] = after[field];
  }
  for (const field of ["personnummer", "birthDate"] as const) {
    if (after[field] !== before[field]) body[field] = after[field].trim() || null;
  }
  if (after.preferredGivenName && after.preferredGivenName !== before.preferredGivenName) {
    body.preferredGivenName = after.preferredGivenName;
  } else if (after.preferredNameMarking && after.preferredNameMarking !== before.preferredNameMarking) {
    body.preferredNameMarking = after.preferredNameMarking;
  }
  return body;
}

const FIELDS = [
  "givenNames",
  "surname",
  "preferredGivenName",
  "preferredNameMarking",
  "personnummer",
  "birthDate",
  "language",
  "timeZone",
  "lifecycleStage",
  "ownerId",
  "ownerTeamId",
];

interface EditPersonProps {
  person: Person;
  opened: boolean;
  onClose: () => void;
}

export function EditPersonDrawer({ person, opened, onClose }: EditPersonProps) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      styles={DRAWER_STYLES}
      title={t.personForm.editTitle}
    >
      {/* Mounted per opening, so each starts from the person as they are now. */}
      {opened && <EditPersonForm person={person} onClose={onClose} />}
    </Drawer>
  );
}

function EditPersonForm({ person, onClose }: Omit<EditPersonProps, "opened">) {
  const { t, locale } = useI18n();
  const refreshRegister = useRefreshRegister();
  const attributes = useQuery(customAttributesQuery("person"));
  const [draft, setDraft] = useState(() => draftOf(person));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Person>(`/api/people/${person.id}`, { method: "PATCH", body }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });

  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const update = (change: Partial<PersonDraft>) => setDraft((current) => ({ ...current, ...change }));
  const customFields = (attributes.data ?? []).map((attribute) => `custom.${attribute.key}`);
  const problems = formProblems(save.error, [...FIELDS, ...customFields], t, localErrors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepareCustomValues(attributes.data ?? [], draft.custom, locale);
    setLocalErrors(prepared.errors);
    if (Object.keys(prepared.errors).length > 0) {
      save.reset();
      return;
    }
    const body = changes(draftOf(person), draft);
    const custom = Object.fromEntries(
      (attributes.data ?? [])
        .filter((attribute) => attribute.key in prepared.values)
        .filter((attribute) =>
          customValueChanged(attribute, prepared.values[attribute.key], person.custom[attribute.key]),
        )
        .map((attribute) => [attribute.key, prepared.values[attribute.key]]),
    );
    if (Object.keys(custom).length > 0) body.custom = custom;
    if (Object.keys(body).length === 0) onClose();
    else save.mutate(body);
  };
  const languages = LANGUAGES.includes(draft.language) ? LANGUAGES : [draft.language, ...LANGUAGES];
  const timeZones = TIME_ZONES.includes(draft.timeZone) ? TIME_ZONES : [draft.timeZone, ...TIME_ZONES];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormProblemAlert
          error={save.error}
          unplaced={problems.unplaced}
          invalid={Object.keys(localErrors).length > 0}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.personForm.givenNames}
            value={draft.givenNames}
            onChange={(event) => update({ givenNames: event.currentTarget.value, preferredGivenName: "" })}
            error={problems.at("givenNames")}
          />
          <TextInput
            label={t.personForm.surname}
            value={draft.surname}
            onChange={(event) => update({ surname: event.currentTarget.value })}
            error={problems.at("surname")}
          />
        </SimpleGrid>
        <PreferredNameInput
          givenNames={draft.givenNames}
          value={draft}
          onChange={update}
          errors={{
            preferredGivenName: problems.at("preferredGivenName"),
            preferredNameMarking: problems.at("preferredNameMarking"),
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.personForm.personnummer}
            value={draft.personnummer}
            onChange={(event) => update({ personnummer: event.currentTarget.value })}
            error={problems.at("personnummer")}
            autoComplete="off"
          />
          <DateField
            label={t.personForm.birthDate}
            value={draft.birthDate}
            onChange={(birthDate) => update({ birthDate })}
            error={problems.at("birthDate")}
          />
          <Select
            label={t.personForm.stage}
            data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] }))}
            value={draft.lifecycleStage}
            onChange={(value) => isLifecycleStage(value) && update({ lifecycleStage: value })}
            allowDeselect={false}
            error={problems.at("lifecycleStage")}
          />
          <OwnerFields
            value={draft}
            onChange={update}
            errors={{ ownerId: problems.at("ownerId"), ownerTeamId: problems.at("ownerTeamId") }}
          />
          <Select
            label={t.personForm.language}
            data={languages.map((code) => ({ value: code, label: formatLanguage(code, locale) }))}
            value={draft.language}
            onChange={(value) => value && update({ language: value })}
            allowDeselect={false}
            error={problems.at("language")}
          />
          <Select
            label={t.personForm.timeZone}
            data={timeZones}
            value={draft.timeZone}
            onChange={(value) => value && update({ timeZone: value })}
            allowDeselect={false}
            error={problems.at("timeZone")}
          />
        </SimpleGrid>
        <CustomFieldsSection
          attributes={attributes.data}
          values={draft.custom}
          onChange={(custom) => {
            setLocalErrors({});
            update({ custom });
          }}
          errorAt={(field) => problems.at(field)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.personForm.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
