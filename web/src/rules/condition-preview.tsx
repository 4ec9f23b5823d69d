import { Code, Divider, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PersonLink } from "../events/person-link";
import { formatMilliseconds, formatNumber } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { conditionText } from "./condition-text";
import { dryRunQuery } from "./queries";
import type { Comparison, Condition, RuleField } from "./types";
import { isComplete } from "./value-draft";

/** How long typing must pause before the server is asked who matches. */
const DRY_RUN_DELAY_MS = 500;
const SAMPLE_SIZE = 5;

function comparisonsOf(condition: Condition): Comparison[] {
  if ("all" in condition) return condition.all.flatMap(comparisonsOf);
  if ("any" in condition) return condition.any.flatMap(comparisonsOf);
  if ("not" in condition) return comparisonsOf(condition.not);
  return [condition];
}

function hasEmptyGroup(condition: Condition): boolean {
  if ("all" in condition) return condition.all.length === 0 || condition.all.some(hasEmptyGroup);
  if ("any" in condition) return condition.any.length === 0 || condition.any.some(hasEmptyGroup);
  if ("not" in condition) return hasEmptyGroup(condition.not);
  return false;
}

type Readiness = "ready" | "incomplete" | "perEvent";

/**
 * Whether the whole base can be asked about the condition: every row filled in, and no field that
 * exists only per event (those the server cannot read over the whole base).
 */
function readiness(condition: Condition, fields: readonly RuleField[]): Readiness {
  const comparisons = comparisonsOf(condition);
  if (comparisons.some(({ field }) => field.startsWith("event.") && !fields.find((f) => f.key === field)?.wholeBase)) {
    return "perEvent";
  }
  const filled = comparisons.every(({ field, op, value }) => field !== "" && isComplete(value, op));
  return filled && !hasEmptyGroup(condition) ? "ready" : "incomplete";
}

/** The condition as text while it is built, and who it matches in the register right now. */
export function ConditionPreview({ condition, fields }: { condition: Condition; fields: readonly RuleField[] }) {
  const { t } = useI18n();
  const words = t.rules;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={words.condition.asText}>
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={2} fz="md" fw={650}>
            {words.condition.asText}
          </Title>
          <Code block data-testid="condition-text" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {conditionText(condition, fields)}
          </Code>
          <Text size="xs" c="dimmed">
            {words.condition.asTextHint}
          </Text>
        </Stack>
        <Divider />
        <DryRunResult condition={condition} fields={fields} />
      </Stack>
    </Paper>
  );
}

function DryRunResult({ condition, fields }: { condition: Condition; fields: readonly RuleField[] }) {
  const { t, locale } = useI18n();
  const words = t.rules.dryRun;
  const [settled] = useDebouncedValue(JSON.stringify(condition), DRY_RUN_DELAY_MS);
  const asked = JSON.parse(settled) as Condition;
  const state = readiness(asked, fields);
  const dryRun = useQuery({ ...dryRunQuery(asked), enabled: state === "ready" });
  const stillTyping = settled !== JSON.stringify(condition);
  let body: ReactNode = null;
  if (state !== "ready") {
    body = (
      <Text size="sm" c="dimmed">
        {state === "perEvent" ? words.perEvent : words.incomplete}
      </Text>
    );
  } else if (dryRun.isError) {
    body = (
      <Text size="sm" c="orange.8">
        {words.invalid}
      </Text>
    );
  } else if (dryRun.data) {
    const { sample, milliseconds } = dryRun.data;
    body = (
      <Stack gap={6}>
        {sample.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {words.sample}
            </Text>
            {sample.slice(0, SAMPLE_SIZE).map((personId) => (
              <PersonLink key={personId} personId={personId} fallback={t.rules.firings.unknownPerson} />
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {words.took(formatMilliseconds(milliseconds, locale))}
        </Text>
      </Stack>
    );
  }
  const count = state === "ready" && !dryRun.isError ? dryRun.data?.count : undefined;
  return (
    <Stack gap="xs" aria-live="polite">
      <Group gap="xs" wrap="nowrap">
        <Text fw={650} size="md" data-testid="dry-run">
          {count === undefined ? words.title : `${words.title}: ${words.people(count, formatNumber(count, locale))}`}
        </Text>
        {(stillTyping || dryRun.isFetching) && state === "ready" && <Loader size="xs" type="dots" />}
      </Group>
      {body}
    </Stack>
  );
}
