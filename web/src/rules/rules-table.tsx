import { Anchor, Code, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatMilliseconds, formatNumber } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { TableState } from "../ui/table-state";
import { describeTrigger } from "./describe-trigger";
import { ruleFieldsQuery, rulesQuery } from "./queries";
import { RuleEnabledSwitch } from "./rule-enabled-switch";
import type { RuleField, RuleSummary } from "./types";

const COLUMNS = 8;
const numeric = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

export function RulesTable() {
  const { t } = useI18n();
  const rules = useQuery(rulesQuery);
  const fields = useQuery(ruleFieldsQuery).data?.items ?? [];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={940}>
        <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label={t.modules.rules}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.rules.columns.name}</Table.Th>
              <Table.Th>{t.rules.columns.trigger}</Table.Th>
              <Table.Th>{t.rules.columns.condition}</Table.Th>
              <Table.Th>{t.rules.columns.enabled}</Table.Th>
              <Table.Th style={numeric}>{t.rules.columns.evaluations}</Table.Th>
              <Table.Th style={numeric}>{t.rules.columns.firings}</Table.Th>
              <Table.Th style={numeric}>{t.rules.columns.averageMs}</Table.Th>
              <Table.Th style={numeric}>{t.rules.columns.version}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableState
              columns={COLUMNS}
              loading={rules.isPending}
              error={rules.isError ? problemMessage(rules.error, t) : null}
              empty={t.rules.empty}
              rows={rules.data?.length}
            />
            {rules.data?.map((rule) => (
              <RuleRow key={rule.id} rule={rule} rules={rules.data} fields={fields} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

interface RuleRowProps {
  rule: RuleSummary;
  rules: RuleSummary[];
  fields: RuleField[];
}

function RuleRow({ rule, rules, fields }: RuleRowProps) {
  const { t, locale } = useI18n();
  const { evaluations, firings, evaluationMs } = rule.stats;
  return (
    <Table.Tr data-testid="rule-row" c={rule.enabled ? undefined : "dimmed"}>
      <Table.Td miw={160} maw={280}>
        <Anchor
          fw={600}
          size="sm"
          c="inherit"
          renderRoot={(props) => <Link to="/rules/$ruleId" params={{ ruleId: rule.id }} {...props} />}
        >
          {rule.name}
        </Anchor>
        {rule.description && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {rule.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={150} maw={260}>
        <Text size="sm">{describeTrigger(rule.trigger, t, { fields, rules })}</Text>
      </Table.Td>
      <Table.Td miw={200} maw={420}>
        <Code block fz="xs" px={8} py={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {rule.conditionText}
        </Code>
      </Table.Td>
      <Table.Td>
        <RuleEnabledSwitch rule={rule} />
      </Table.Td>
      <Table.Td style={numeric} data-testid="rule-evaluations">
        {formatNumber(evaluations, locale)}
      </Table.Td>
      <Table.Td style={numeric} data-testid="rule-firings">
        {formatNumber(firings, locale)}
      </Table.Td>
      <Table.Td style={numeric}>
        {evaluations > 0
          ? t.rules.milliseconds(formatMilliseconds(evaluationMs / evaluations, locale))
          : t.register.none}
      </Table.Td>
      <Table.Td style={numeric} data-testid="rule-version">
        {formatNumber(rule.version, locale)}
      </Table.Td>
    </Table.Tr>
  );
}
