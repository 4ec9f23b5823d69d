import { Anchor, Divider, Group, Loader, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Fragment } from "react";
import { formatDateTime } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { SectionCard } from "../ui/section-card";
import { ExplanationLines } from "./explanation-lines";
import { FiringResults } from "./firing-results";
import { FiringStatusBadge } from "./firing-status-badge";
import { personFiringsQuery } from "./queries";

/** The rules that fired for the person, newest first, each with why: "why did Stig get this letter?" */
export function PersonRuleDecisionsCard({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const words = t.rules.decisions;
  const firings = useQuery(personFiringsQuery(personId));
  return (
    <SectionCard title={words.title}>
      {firings.isPending && <Loader size="sm" type="dots" />}
      {firings.isError && (
        <Text size="sm" c="red.7" role="alert">
          {problemMessage(firings.error, t)}
        </Text>
      )}
      {firings.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {words.empty}
        </Text>
      )}
      <Stack gap="sm">
        {firings.data?.map((firing, index) => (
          <Fragment key={firing.id}>
            {index > 0 && <Divider />}
            <Stack gap={6} data-testid="rule-decision">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Anchor
                    size="sm"
                    fw={600}
                    renderRoot={(props) => (
                      <Link
                        to="/rules/$ruleId"
                        params={{ ruleId: firing.ruleId }}
                        search={{ tab: "firings" }}
                        {...props}
                      />
                    )}
                  >
                    {firing.ruleName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(firing.firedAt, locale)}
                  </Text>
                </Stack>
                <FiringStatusBadge status={firing.status} />
              </Group>
              <ExplanationLines lines={firing.explanation} />
              <FiringResults firing={firing} />
            </Stack>
          </Fragment>
        ))}
      </Stack>
    </SectionCard>
  );
}
