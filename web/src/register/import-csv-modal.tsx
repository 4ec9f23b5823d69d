import { Alert, Button, Checkbox, FileInput, Group, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { formatNumber } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { UploadIcon } from "../ui/icons";
import { ColumnMapping, type ImportKind, mapParam } from "./column-mapping";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { ImportProgress, newProgressId } from "./import-progress";
import { useRefreshRegister } from "./queries";

export const IMPORT_KINDS = [
  "people",
  "organizations",
  "orders",
  "activities",
] as const satisfies readonly ImportKind[];

/** The import's report, as `POST /api/imports/:entity` gives it. */
interface ImportReport {
  dryRun: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: Array<{ row: number; field: string; code: string; message: string }>;
  unmappedColumns: string[];
  /** Field → the file's column it was read from. */
  columns: Record<string, string>;
}

interface Draft {
  kind: ImportKind;
  system: string;
  file: File | null;
  dryRun: boolean;
  /** Columns read as a field the import did not recognise them as, by the user's choice. */
  mapping: Record<string, string>;
}

const FIELDS = ["file", "system"];

interface ImportCsvModalProps {
  kind: ImportKind;
  opened: boolean;
  onClose: () => void;
}

/** A spreadsheet's rows into the register, from the list page: a trial run first, if one likes. */
export function ImportCsvModal({ kind, opened, onClose }: ImportCsvModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.csvImport.title} size="lg">
      {opened && <ImportCsvForm kind={kind} onClose={onClose} />}
    </Modal>
  );
}

function ImportCsvForm({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const { t, locale } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState<Draft>({ kind, system: "kalkylblad", file: null, dryRun: true, mapping: {} });
  // The columns to offer a mapping for: those a run of this file did not read, and those mapped since.
  const [unread, setUnread] = useState<string[]>([]);
  // The run under way, followed by its own id while the file streams through the import.
  const [running, setRunning] = useState<{ progressId: string; fileSize: number; dryRun: boolean } | null>(null);
  const upload = useMutation({
    mutationFn: (input: Draft & { progressId: string }) =>
      api<ImportReport>(`/api/imports/${input.kind}`, {
        method: "POST",
        body: input.file ?? new Blob([]),
        fileType: "text/csv",
        query: {
          system: input.system.trim(),
          dryRun: String(input.dryRun),
          map: mapParam(input.mapping),
          progressId: input.progressId,
        },
      }),
    onSuccess: async (report, input) => {
      setUnread((current) => [
        ...new Set([...current.filter((column) => column in input.mapping), ...report.unmappedColumns]),
      ]);
      if (!report.dryRun) await refreshRegister();
    },
  });
  const problems = formProblems(upload.error, FIELDS, t);
  const change = (next: Partial<Draft>) => {
    upload.reset();
    setDraft((current) => ({ ...current, ...next }));
  };
  const run = (next: Draft) => {
    const progressId = newProgressId();
    setRunning({ progressId, fileSize: next.file?.size ?? 0, dryRun: next.dryRun });
    upload.mutate({ ...next, progressId });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(draft);
  };
  // After a trial run of the file as it stands (no column mapped since), its sound rows are one
  // click away: the box need not be unticked and the file sent again by hand.
  const tried = upload.data?.dryRun && upload.variables ? upload.variables : null;
  const sound = upload.data ? upload.data.rowsRead - upload.data.failed : 0;
  const importTried =
    tried && sound > 0 && mapParam(tried.mapping) === mapParam(draft.mapping)
      ? () => {
          const next = { ...draft, dryRun: false };
          setDraft(next);
          run(next);
        }
      : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={upload.error} unplaced={problems.unplaced} />
        <Select
          label={t.csvImport.kind}
          data={IMPORT_KINDS.map((value) => ({ value, label: t.csvImport.kinds[value] }))}
          value={draft.kind}
          onChange={(value) => {
            if (!value) return;
            setUnread([]);
            change({ kind: value as ImportKind, mapping: {} });
          }}
          allowDeselect={false}
        />
        <FileInput
          label={t.csvImport.file}
          description={t.csvImport.fileHint}
          placeholder={t.csvImport.filePlaceholder}
          accept=".csv,.txt,text/csv"
          value={draft.file}
          onChange={(file) => {
            setUnread([]);
            change({ file, mapping: {} });
          }}
          error={problems.at("file")}
          leftSection={<UploadIcon size={16} />}
          clearable
        />
        <TextInput
          label={t.csvImport.system}
          description={t.csvImport.systemHint}
          value={draft.system}
          onChange={(event) => change({ system: event.currentTarget.value })}
          error={problems.at("system")}
        />
        <Checkbox
          label={t.csvImport.dryRun}
          checked={draft.dryRun}
          onChange={(event) => change({ dryRun: event.currentTarget.checked })}
        />
        {upload.isPending && running && <ImportProgress {...running} />}
        {upload.data && <ImportReportView report={upload.data} />}
        {unread.length > 0 && (
          <ColumnMapping
            kind={draft.kind}
            columns={unread}
            mapping={draft.mapping}
            // The report stays while columns are mapped: the faults it names help choose.
            onChange={(mapping) => setDraft((current) => ({ ...current, mapping }))}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.csvImport.close}
          </Button>
          <Button
            type="submit"
            variant={importTried ? "default" : "filled"}
            loading={upload.isPending}
            disabled={!draft.file}
          >
            {draft.dryRun ? t.csvImport.tryRun : t.csvImport.submit}
          </Button>
          {importTried && (
            <Button onClick={importTried}>{t.csvImport.importSound(formatNumber(sound, locale), sound)}</Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t, locale } = useI18n();
  const number = (value: number) => formatNumber(value, locale);
  // A fault is named by the file's own column ("Säljare"), as the user knows it.
  const columnOf = (field: string) =>
    field === "(row)" ? t.csvImport.wholeRow : (report.columns[field] ?? t.csvImport.fieldNames[field] ?? field);
  const words = report.dryRun ? t.csvImport.wouldBe : t.csvImport.were;
  return (
    <Alert
      color={report.failed > 0 ? "yellow" : "green"}
      variant="light"
      title={t.csvImport.reportTitle(report.dryRun)}
    >
      <Stack gap="xs">
        <Text size="sm" role="status">
          {t.csvImport.counts(
            number(report.rowsRead),
            words,
            number(report.created),
            number(report.updated),
            number(report.unchanged),
            number(report.failed),
          )}
        </Text>
        {report.unmappedColumns.length > 0 && (
          <Text size="sm">{t.csvImport.ignoredColumns(report.unmappedColumns.join(", "))}</Text>
        )}
        {report.errors.length > 0 && (
          <Table withTableBorder striped fz="sm" aria-label={t.csvImport.errorsLabel}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.csvImport.row}</Table.Th>
                <Table.Th>{t.csvImport.field}</Table.Th>
                <Table.Th>{t.csvImport.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.slice(0, 100).map((error) => (
                <Table.Tr key={`${error.row}:${error.field}:${error.code}`}>
                  <Table.Td>{error.row}</Table.Td>
                  <Table.Td>{columnOf(error.field)}</Table.Td>
                  <Table.Td>
                    {t.csvImport.rowCodes[`${error.field}:${error.code}`] ??
                      t.csvImport.rowCodes[error.code] ??
                      t.fieldCodes[error.code as keyof typeof t.fieldCodes] ??
                      error.message}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {report.errors.length > 100 && <Text size="sm">{t.csvImport.moreErrors(report.errors.length - 100)}</Text>}
      </Stack>
    </Alert>
  );
}
