import { Code, Stack, Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { formatDateTimeSeconds } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import type { Rejection } from "./types";

const COLUMNS = 5;

interface RejectionsTableProps {
  rejections: Rejection[];
  loading: boolean;
  error: string | null;
}

/** Refused requests with why; each is followed by the start of what was sent, as sent. */
export function RejectionsTable({ rejections, loading, error }: RejectionsTableProps) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t.sourceDebugger.rejections}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.sourceDebugger.time}</Table.Th>
            <Table.Th>{t.sourceDebugger.code}</Table.Th>
            <Table.Th>{t.sourceDebugger.field}</Table.Th>
            <Table.Th>{t.sourceDebugger.detail}</Table.Th>
            <Table.Th>{t.sourceDebugger.ip}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <TableState
            columns={COLUMNS}
            loading={loading}
            error={error}
            empty={t.sourceDebugger.noRejections}
            rows={rejections.length}
          />
          {rejections.map((rejection) => (
            <Fragment key={rejection.id}>
              <Table.Tr style={{ borderBottom: rejection.excerpt ? "none" : undefined }}>
                <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                  {formatDateTimeSeconds(rejection.receivedAt, locale)}
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <Stack gap={2}>
                    <Text size="sm" fw={600} c="red.8">
                      {t.sourceDebugger.codes[rejection.code] ?? rejection.code}
                    </Text>
                    <Code fz="xs" w="fit-content">
                      {rejection.code}
                    </Code>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  {rejection.field ? <Code>{rejection.field}</Code> : t.register.none}
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>{rejection.detail}</Table.Td>
                <Table.Td ff="monospace" fz="sm" style={{ verticalAlign: "top" }}>
                  {rejection.ip ?? t.register.none}
                </Table.Td>
              </Table.Tr>
              {rejection.excerpt && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS} pt={0}>
                    <Text size="xs" c="dimmed" fw={600} mb={4}>
                      {t.sourceDebugger.excerpt}
                    </Text>
                    <Code
                      block
                      fz="xs"
                      mah={140}
                      style={{ overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-all" }}
                    >
                      {rejection.excerpt}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
