import { Paper, Stack, Table, Text } from "@mantine/core";
import { formatPercent, formatSigned } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import type { Person } from "../register/types";
import { describeComparison } from "./describe-comparison";
import { orientComparison } from "./orient-comparison";
import { OutcomeBadge } from "./outcome-badge";
import type { MatchCandidate } from "./types";

/** A weight's colour: green counts for one person, red against, grey says nothing. */
const weightColor = (weight: number) => (weight >= 0.05 ? "pine.8" : weight <= -0.05 ? "red.7" : "dimmed");

/**
 * The matcher's reasons field by field, with the weight each added. The total is the prior plus
 * the fields, so the prior is shown as its own line: without it the weights would not add up.
 */
export function ComparisonTable({
  candidate,
  left,
  right,
}: {
  candidate: MatchCandidate;
  left: Person;
  right: Person;
}) {
  const { t, locale } = useI18n();
  const comparison = orientComparison(candidate.comparison, left, right);
  const fieldsWeight = candidate.comparison.reduce((sum, field) => sum + field.weight, 0);
  const prior = candidate.weight - fieldsWeight;
  const numeric = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        {t.duplicates.explanationIntro}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t.duplicates.explanation}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.duplicates.columns.field}</Table.Th>
                <Table.Th>{t.duplicates.columns.level}</Table.Th>
                <Table.Th>{t.duplicates.columns.values}</Table.Th>
                <Table.Th ta="right">{t.duplicates.columns.weight}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td fw={500}>{t.duplicates.prior}</Table.Td>
                <Table.Td c="dimmed" colSpan={2}>
                  {t.duplicates.priorHint}
                </Table.Td>
                <Table.Td ta="right" c={weightColor(prior)} style={numeric}>
                  {formatSigned(prior, locale)}
                </Table.Td>
              </Table.Tr>
              {comparison.map((field) => {
                const words = describeComparison(field, t);
                return (
                  <Table.Tr key={field.field}>
                    <Table.Td fw={500}>{words.field}</Table.Td>
                    <Table.Td>
                      {words.level}
                      {words.household && (
                        <Text size="xs" c="dimmed">
                          {t.duplicates.comparison.household}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td c={words.values ? undefined : "dimmed"} style={{ wordBreak: "break-word" }}>
                      {words.values ?? t.register.none}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} c={weightColor(field.weight)} style={numeric}>
                      {formatSigned(field.weight, locale)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr style={{ borderTop: "2px solid var(--mantine-color-gray-3)" }}>
                <Table.Th>{t.duplicates.total}</Table.Th>
                <Table.Td colSpan={2}>
                  <OutcomeBadge outcome={candidate.outcome} />{" "}
                  <Text span size="sm" fw={600} ml="xs">
                    {formatPercent(candidate.probability, locale, 1)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={700} c={weightColor(candidate.weight)} style={numeric}>
                  {formatSigned(candidate.weight, locale)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
