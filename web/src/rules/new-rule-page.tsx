import { Stack, Title } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { BackLink } from "../ui/back-link";
import { ruleFieldsQuery } from "./queries";
import { RuleBuilder } from "./rule-builder";
import { createdRuleStore } from "./rule-notice";

/** A new rule, built from scratch; once created it opens on its own page. */
export function NewRulePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fields = useSuspenseQuery(ruleFieldsQuery).data;
  return (
    <Stack gap="lg" maw={1440}>
      <BackLink to="/rules" label={t.rules.back} />
      <Title order={1}>{t.rules.newTitle}</Title>
      <RuleBuilder
        rule={null}
        fields={fields}
        onSaved={(rule) => {
          createdRuleStore.set(rule.id);
          void navigate({ to: "/rules/$ruleId", params: { ruleId: rule.id } });
        }}
      />
    </Stack>
  );
}
