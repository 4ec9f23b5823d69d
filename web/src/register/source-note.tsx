import { Text } from "@mantine/core";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import type { Lineage } from "./types";

/** Where a value came from and when: "från webshop 2026-03-02". */
export function SourceNote({ source }: { source: Lineage }) {
  const { t, locale } = useI18n();
  const system = t.register.systems[source.system] ?? source.system;
  const title = source.externalId ? `${source.system}: ${source.externalId}` : undefined;
  return (
    <Text span size="xs" c="dimmed" title={title}>
      {t.register.sourceFrom(system, formatDate(source.receivedAt, locale))}
    </Text>
  );
}
