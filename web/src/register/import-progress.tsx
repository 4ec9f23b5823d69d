import { Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/api";
import { formatNumber, formatPercent } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";

/** `GET /api/imports/progress/:id`: what the import has done so far. */
interface ImportProgressState {
  rowsRead: number;
  created: number;
  updated: number;
  failed: number;
  bytesRead: number;
  done: boolean;
}

/**
 * A new id to follow an import by. `crypto.randomUUID` exists only on https and localhost; an
 * installation reached over plain http on the office network has `getRandomValues` alone.
 */
export function newProgressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How often the app asks how far an import has got. */
const POLL_MS = 500;

/**
 * A bar for an import while its request runs: the share of the file read, and the rows done so
 * far. Until the server has the file's first batch in hand there is nothing to read, and the bar
 * says the file is being sent.
 */
export function ImportProgress({
  progressId,
  fileSize,
  dryRun,
}: {
  progressId: string;
  fileSize: number;
  dryRun: boolean;
}) {
  const { t, locale } = useI18n();
  const progress = useQuery({
    queryKey: ["import-progress", progressId],
    queryFn: () => api<ImportProgressState>(`/api/imports/progress/${progressId}`),
    refetchInterval: POLL_MS,
    // Not yet known to the server is not a fault: the upload has only just begun.
    retry: false,
  });
  const state = progress.data;
  const share = state && fileSize > 0 ? Math.min(1, state.bytesRead / fileSize) : 0;
  const number = (value: number) => formatNumber(value, locale);
  return (
    <Stack gap={6}>
      <Progress value={share * 100} animated aria-label={t.csvImport.progressLabel} />
      <Text size="sm" role="status">
        {state && state.rowsRead > 0
          ? t.csvImport.progress(number(state.rowsRead), formatPercent(share, locale))
          : t.csvImport.progressStarting}
      </Text>
      {state && state.rowsRead > 0 && (
        <Text size="xs" c="dimmed">
          {t.csvImport.progressCounts(number(state.created), number(state.updated), number(state.failed), dryRun)}
        </Text>
      )}
    </Stack>
  );
}
