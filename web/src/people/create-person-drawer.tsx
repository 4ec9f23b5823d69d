import { Anchor, Button, Drawer, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useMe } from "../auth/me-query";
import { useI18n } from "../i18n/use-i18n";
import { CustomFieldsSection } from "../register/custom-fields-section";
import { prepareCustomValues } from "../register/custom-values";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { OwnerFields } from "../register/owner-fields";
import { customAttributesQuery, useRefreshRegister } from "../register/queries";
import { isLifecycleStage, LIFECYCLE_STAGES, type LifecycleStage, type Person } from "../register/types";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import type { PersonFromSearch } from "./person-from-search";
import { PreferredNameInput } from "./preferred-name-input";

interface NewPerson {
  givenNames: string;
  surname: string;
  preferredGivenName: string;
  preferredNameMarking: string;
  personnummer: string;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  ownerTeamId: string | null;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  custom: Record<string, unknown>;
}

const EMPTY: NewPerson = {
  givenNames: "",
  surname: "",
  preferredGivenName: "",
  preferredNameMarking: "",
  personnummer: "",
  lifecycleStage: "interested",
  ownerId: null,
  ownerTeamId: null,
  email: "",
  phone: "",
  street: "",
  postalCode: "",
  city: "",
  custom: {},
};

const FIELDS = [
  "givenNames",
  "surname",
  "preferredGivenName",
  "preferredNameMarking",
  "personnummer",
  "lifecycleStage",
  "ownerId",
  "ownerTeamId",
  "emails.0.address",
  "phones.0.number",
  "address",
  "address.street",
  "address.postalCode",
  "address.city",
];

const filled = (value: string) => value.trim() || undefined;

/** The request body: only what was filled in, with contact points as the lists the API takes. */
function toBody(draft: NewPerson, customValues: Record<string, unknown>) {
  const hasAddress = Boolean(filled(draft.street) || filled(draft.postalCode) || filled(draft.city));
  const custom = Object.fromEntries(Object.entries(customValues).filter(([, value]) => value !== null));
  return {
    givenNames: draft.givenNames,
    surname: draft.surname,
    preferredGivenName: filled(draft.preferredGivenName),
    preferredNameMarking: filled(draft.preferredNameMarking),
    personnummer: filled(draft.personnummer),
    lifecycleStage: draft.lifecycleStage,
    ownerId: draft.ownerId,
    ownerTeamId: draft.ownerTeamId,
    emails: filled(draft.email) ? [{ address: draft.email.trim() }] : [],
    phones: filled(draft.phone) ? [{ number: draft.phone.trim() }] : [],
    address: hasAddress
      ? { street: filled(draft.street), postalCode: filled(draft.postalCode), city: filled(draft.city) }
      : undefined,
    custom: Object.keys(custom).length > 0 ? custom : undefined,
  };
}

interface CreatePersonDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** What is already known, e.g. the number a search found nobody by. */
  initial?: PersonFromSearch | undefined;
}

export function CreatePersonDrawer({ opened, onClose, initial }: CreatePersonDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      styles={DRAWER_STYLES}
      title={t.personForm.createTitle}
    >
      {opened && <CreatePersonForm onClose={onClose} initial={initial} />}
    </Drawer>
  );
}

function CreatePersonForm({ onClose, initial }: { onClose: () => void; initial: PersonFromSearch | undefined }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const refreshRegister = useRefreshRegister();
  const attributes = useQuery(customAttributesQuery("person"));
  const me = useMe();
  // Whoever registers the person is responsible for them until told otherwise.
  const [draft, setDraft] = useState<NewPerson>(() => ({ ...EMPTY, ...initial, ownerId: me.id }));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => api<Person>("/api/people", { method: "POST", body }),
    onSuccess: async (person) => {
      onClose();
      await refreshRegister();
      await navigate({ to: "/people/$personId", params: { personId: person.id } });
    },
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const update = (change: Partial<NewPerson>) => setDraft((current) => ({ ...current, ...change }));
  const customFields = (attributes.data ?? []).map((attribute) => `custom.${attribute.key}`);
  const problems = formProblems(create.error, [...FIELDS, ...customFields], t, localErrors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepareCustomValues(attributes.data ?? [], draft.custom, locale);
    setLocalErrors(prepared.errors);
    if (Object.keys(prepared.errors).length > 0) create.reset();
    else create.mutate(toBody(draft, prepared.values));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormProblemAlert
          error={create.error}
          unplaced={problems.unplaced}
          invalid={Object.keys(localErrors).length > 0}
          existing={(id) => (
            <Anchor
              size="sm"
              renderRoot={(props) => <Link to="/people/$personId" params={{ personId: id }} {...props} />}
              onClick={onClose}
            >
              {t.register.openExisting}
            </Anchor>
          )}
        />
        <Stack gap="sm">
          <div>
            <Title order={3} size="h5">
              {t.personForm.names}
            </Title>
            <Text size="sm" c="dimmed">
              {t.personForm.namesHint}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t.personForm.givenNames}
              value={draft.givenNames}
              onChange={(event) => update({ givenNames: event.currentTarget.value, preferredGivenName: "" })}
              error={problems.at("givenNames")}
              required
              data-autofocus
            />
            <TextInput
              label={t.personForm.surname}
              value={draft.surname}
              onChange={(event) => update({ surname: event.currentTarget.value })}
              error={problems.at("surname")}
              required
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
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.personForm.personnummer}
            description={t.personForm.personnummerHint}
            value={draft.personnummer}
            onChange={(event) => update({ personnummer: event.currentTarget.value })}
            error={problems.at("personnummer")}
            inputMode="numeric"
            autoComplete="off"
          />
          <Select
            label={t.personForm.stage}
            description={t.personForm.stageHint}
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
        </SimpleGrid>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t.personForm.contact}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t.personForm.email}
              type="email"
              autoComplete="off"
              value={draft.email}
              onChange={(event) => update({ email: event.currentTarget.value })}
              error={problems.at("emails.0.address")}
            />
            <TextInput
              label={t.personForm.phone}
              type="tel"
              autoComplete="off"
              value={draft.phone}
              onChange={(event) => update({ phone: event.currentTarget.value })}
              error={problems.at("phones.0.number")}
            />
          </SimpleGrid>
          <TextInput
            label={t.address.street}
            value={draft.street}
            onChange={(event) => update({ street: event.currentTarget.value })}
            error={problems.at("address.street", "address")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t.address.postalCode}
              value={draft.postalCode}
              onChange={(event) => update({ postalCode: event.currentTarget.value })}
              error={problems.at("address.postalCode")}
              inputMode="numeric"
            />
            <TextInput
              label={t.address.city}
              value={draft.city}
              onChange={(event) => update({ city: event.currentTarget.value })}
              error={problems.at("address.city")}
              style={{ gridColumn: "span 2" }}
            />
          </SimpleGrid>
        </Stack>
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
          <Button type="submit" loading={create.isPending}>
            {t.personForm.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
