import { Anchor, Button, Drawer, Group, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
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
import { customAttributesQuery, useRefreshRegister } from "../register/queries";
import type { Organization } from "../register/types";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import {
  EMPTY_ORGANIZATION,
  ORGANIZATION_FIELDS,
  type OrganizationDraft,
  organizationFields,
} from "./organization-draft";
import { OrganizationFields } from "./organization-fields";

interface NewOrganization extends OrganizationDraft {
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
}

const EMPTY: NewOrganization = { ...EMPTY_ORGANIZATION, email: "", phone: "", street: "", postalCode: "", city: "" };

const FIELDS = [
  ...ORGANIZATION_FIELDS,
  "emails.0.address",
  "phones.0.number",
  "address",
  "address.street",
  "address.postalCode",
  "address.city",
];

const filled = (value: string) => value.trim() || undefined;

function toBody(draft: NewOrganization, customValues: Record<string, unknown>) {
  const fields = Object.fromEntries(Object.entries(organizationFields(draft)).filter(([, value]) => value !== null));
  const hasAddress = Boolean(filled(draft.street) || filled(draft.postalCode) || filled(draft.city));
  const custom = Object.fromEntries(Object.entries(customValues).filter(([, value]) => value !== null));
  return {
    ...fields,
    custom: Object.keys(custom).length > 0 ? custom : undefined,
    emails: filled(draft.email) ? [{ address: draft.email.trim(), kind: "work" }] : [],
    phones: filled(draft.phone) ? [{ number: draft.phone.trim(), kind: "work" }] : [],
    address: hasAddress
      ? { street: filled(draft.street), postalCode: filled(draft.postalCode), city: filled(draft.city) }
      : undefined,
  };
}

export function CreateOrganizationDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      styles={DRAWER_STYLES}
      title={t.organizationForm.createTitle}
    >
      {opened && <CreateOrganizationForm onClose={onClose} />}
    </Drawer>
  );
}

function CreateOrganizationForm({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const attributes = useQuery(customAttributesQuery("organization"));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const refreshRegister = useRefreshRegister();
  const me = useMe();
  // Whoever registers the organisation is responsible for it until told otherwise.
  const [draft, setDraft] = useState<NewOrganization>(() => ({ ...EMPTY, ownerId: me.id }));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => api<Organization>("/api/organizations", { method: "POST", body }),
    onSuccess: async (organization) => {
      onClose();
      await refreshRegister();
      await navigate({ to: "/organizations/$organizationId", params: { organizationId: organization.id } });
    },
  });
  const update = (change: Partial<NewOrganization>) => setDraft((current) => ({ ...current, ...change }));
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
              renderRoot={(props) => (
                <Link to="/organizations/$organizationId" params={{ organizationId: id }} {...props} />
              )}
              onClick={onClose}
            >
              {t.register.openExisting}
            </Anchor>
          )}
        />
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t.organizationForm.company}
          </Title>
          <OrganizationFields draft={draft} update={update} problems={problems} />
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t.organizationForm.contact}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t.organizationForm.email}
              type="email"
              value={draft.email}
              onChange={(event) => update({ email: event.currentTarget.value })}
              error={problems.at("emails.0.address")}
            />
            <TextInput
              label={t.organizationForm.phone}
              type="tel"
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
            {t.organizationForm.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
