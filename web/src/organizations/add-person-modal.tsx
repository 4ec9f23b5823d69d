import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { useRefreshRegister } from "../register/queries";
import type { SearchOption } from "../ui/search-select";
import { PersonPicker } from "./person-picker";

interface RoleDraft {
  person: SearchOption | null;
  title: string;
  department: string;
  isPrimaryContact: boolean;
}

const EMPTY: RoleDraft = { person: null, title: "", department: "", isPrimaryContact: false };
const FIELDS = ["personId", "title", "department", "isPrimaryContact"];

interface AddPersonProps {
  organizationId: string;
  /** People already linked, who are not offered again. */
  linkedPersonIds: string[];
  opened: boolean;
  onClose: () => void;
}

export function AddPersonModal({ opened, onClose, ...props }: AddPersonProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.organization.addPersonTitle} size="lg">
      {opened && <AddPersonForm {...props} onClose={onClose} />}
    </Modal>
  );
}

function AddPersonForm({ organizationId, linkedPersonIds, onClose }: Omit<AddPersonProps, "opened">) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState(EMPTY);
  const link = useMutation({
    mutationFn: (role: RoleDraft) =>
      api("/api/roles", {
        method: "POST",
        body: {
          personId: role.person?.value ?? "",
          organizationId,
          title: role.title.trim() || undefined,
          department: role.department.trim() || undefined,
          isPrimaryContact: role.isPrimaryContact,
        },
      }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });
  const update = (change: Partial<RoleDraft>) => setDraft((current) => ({ ...current, ...change }));
  const problems = formProblems(link.error, FIELDS, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={link.error} unplaced={problems.unplaced} />
        <PersonPicker
          label={t.organization.person}
          placeholder={t.organization.personPlaceholder}
          value={draft.person}
          onChange={(person) => update({ person })}
          error={problems.at("personId")}
          exclude={linkedPersonIds}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.organization.title}
            value={draft.title}
            onChange={(event) => update({ title: event.currentTarget.value })}
            error={problems.at("title")}
          />
          <TextInput
            label={t.organization.department}
            value={draft.department}
            onChange={(event) => update({ department: event.currentTarget.value })}
            error={problems.at("department")}
          />
        </SimpleGrid>
        <Checkbox
          label={t.organization.primaryContact}
          checked={draft.isPrimaryContact}
          onChange={(event) => update({ isPrimaryContact: event.currentTarget.checked })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={link.isPending}>
            {t.organization.link}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
