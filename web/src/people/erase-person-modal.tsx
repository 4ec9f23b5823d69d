import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { useRefreshRegister } from "../register/queries";
import type { Person } from "../register/types";

/** Erasure cannot be undone, so it asks once more, and for the reason the audit log keeps. */
interface ErasePersonProps {
  person: Person;
  opened: boolean;
  onClose: () => void;
}

export function ErasePersonModal({ person, opened, onClose }: ErasePersonProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.erase.title} size="md">
      {opened && <ErasePersonForm person={person} onClose={onClose} />}
    </Modal>
  );
}

function ErasePersonForm({ person, onClose }: Omit<ErasePersonProps, "opened">) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const refreshRegister = useRefreshRegister();
  const [reason, setReason] = useState("");
  const erase = useMutation({
    mutationFn: (why: string) => api(`/api/people/${person.id}/erasure`, { method: "POST", body: { reason: why } }),
    onSuccess: async () => {
      onClose();
      await navigate({ to: "/people" });
      await refreshRegister();
    },
  });
  const problems = formProblems(erase.error, ["reason"], t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    erase.mutate(reason);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t.erase.text(`${person.greetingName} ${person.surname}`)}</Text>
        <FormProblemAlert error={erase.error} unplaced={problems.unplaced} />
        <Textarea
          label={t.erase.reason}
          description={t.erase.reasonHint}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={problems.at("reason")}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.erase.cancel}
          </Button>
          <Button type="submit" color="red" loading={erase.isPending}>
            {t.erase.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
