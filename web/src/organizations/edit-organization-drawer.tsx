import { Button, Drawer, Group, Stack } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { CustomFieldsSection } from "../register/custom-fields-section";
import { customValueChanged, prepareCustomValues } from "../register/custom-values";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { customAttributesQuery, useRefreshRegister } from "../register/queries";
import type { Organization } from "../register/types";
import { DRAWER_STYLES } from "../ui/drawer-styles";
import { draftOf, ORGANIZATION_FIELDS, organizationChanges } from "./organization-draft";
import { OrganizationFields } from "./organization-fields";

interface EditOrganizationProps {
  organization: Organization;
  opened: boolean;
  onClose: () => void;
}

export function EditOrganizationDrawer({ organization, opened, onClose }: EditOrganizationProps) {
  const { t } = useI18n();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      styles={DRAWER_STYLES}
      title={t.organizationForm.editTitle}
    >
      {opened && <EditOrganizationForm organization={organization} onClose={onClose} />}
    </Drawer>
  );
}

function EditOrganizationForm({ organization, onClose }: Omit<EditOrganizationProps, "opened">) {
  const { t, locale } = useI18n();
  const refreshRegister = useRefreshRegister();
  const attributes = useQuery(customAttributesQuery("organization"));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState(() => draftOf(organization));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Organization>(`/api/organizations/${organization.id}`, { method: "PATCH", body }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });
  const customFields = (attributes.data ?? []).map((attribute) => `custom.${attribute.key}`);
  const problems = formProblems(save.error, [...ORGANIZATION_FIELDS, ...customFields], t, localErrors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepareCustomValues(attributes.data ?? [], draft.custom, locale);
    setLocalErrors(prepared.errors);
    if (Object.keys(prepared.errors).length > 0) {
      save.reset();
      return;
    }
    const body = organizationChanges(draftOf(organization), draft);
    const custom = Object.fromEntries(
      (attributes.data ?? [])
        .filter((attribute) => attribute.key in prepared.values)
        .filter((attribute) =>
          customValueChanged(attribute, prepared.values[attribute.key], organization.custom[attribute.key]),
        )
        .map((attribute) => [attribute.key, prepared.values[attribute.key]]),
    );
    if (Object.keys(custom).length > 0) body.custom = custom;
    if (Object.keys(body).length === 0) onClose();
    else save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormProblemAlert
          error={save.error}
          unplaced={problems.unplaced}
          invalid={Object.keys(localErrors).length > 0}
        />
        <OrganizationFields
          draft={draft}
          update={(change) => setDraft((current) => ({ ...current, ...change }))}
          problems={problems}
          selfId={organization.id}
        />
        <CustomFieldsSection
          attributes={attributes.data}
          values={draft.custom}
          onChange={(custom) => {
            setLocalErrors({});
            setDraft((current) => ({ ...current, custom }));
          }}
          errorAt={(field) => problems.at(field)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.organizationForm.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
