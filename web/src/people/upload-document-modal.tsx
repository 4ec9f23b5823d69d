import { Button, FileInput, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { formProblems } from "../register/form-problems";
import { useRefreshRegister } from "../register/queries";
import { UploadIcon } from "../ui/icons";

interface Upload {
  subject: string;
  file: File | null;
}

const FIELDS = ["subject", "file"];

function toForm(owner: DocumentOwner, upload: Upload): FormData {
  const form = new FormData();
  if (owner.personId) form.set("personId", owner.personId);
  else if (owner.organizationId) form.set("organizationId", owner.organizationId);
  if (upload.subject.trim()) form.set("subject", upload.subject.trim());
  if (upload.file) form.set("file", upload.file);
  return form;
}

/** Whose timeline the document goes in: a person's, or an organisation's. */
interface DocumentOwner {
  personId?: string;
  organizationId?: string;
}

interface UploadDocumentProps extends DocumentOwner {
  opened: boolean;
  onClose: () => void;
}

export function UploadDocumentModal({ opened, onClose, ...owner }: UploadDocumentProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.documentUpload.title} size="md">
      {opened && <UploadDocumentForm {...owner} onClose={onClose} />}
    </Modal>
  );
}

function UploadDocumentForm({ onClose, ...owner }: Omit<UploadDocumentProps, "opened">) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState<Upload>({ subject: "", file: null });
  const upload = useMutation({
    mutationFn: (input: Upload) => api("/api/documents", { method: "POST", body: toForm(owner, input) }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });
  const problems = formProblems(upload.error, FIELDS, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={upload.error} unplaced={problems.unplaced} />
        <FileInput
          label={t.documentUpload.file}
          placeholder={t.documentUpload.filePlaceholder}
          value={draft.file}
          onChange={(file) => setDraft((current) => ({ ...current, file }))}
          error={problems.at("file")}
          leftSection={<UploadIcon size={16} />}
          clearable
        />
        <TextInput
          label={t.documentUpload.subject}
          description={t.documentUpload.subjectHint}
          value={draft.subject}
          onChange={(event) => {
            const subject = event.currentTarget.value;
            setDraft((current) => ({ ...current, subject }));
          }}
          error={problems.at("subject")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={upload.isPending}>
            {t.documentUpload.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
