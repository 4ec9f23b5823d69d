import { Alert, Anchor, List, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { Fragment } from "react";
import { useI18n } from "../i18n/use-i18n";
import type { TeamRefusal } from "./team-refusal";

/** Each thing that keeps the team from being deleted, with what to do about it. */
export function TeamHoldingsAlert({ refusal }: { refusal: TeamRefusal }) {
  const { t } = useI18n();
  const words = t.teamAdmin;
  const { holdings, rules } = refusal;
  const customers = [
    holdings.people > 0 ? t.userAdmin.people(holdings.people) : null,
    holdings.organizations > 0 ? t.userAdmin.organizations(holdings.organizations) : null,
  ].filter((part): part is string => part !== null);
  return (
    <Alert color="yellow" variant="light" title={words.cannotDelete} data-testid="team-holdings">
      <List size="sm" spacing={4}>
        {customers.length > 0 && <List.Item>{words.ownsRecords(customers.join(` ${t.userAdmin.and} `))}</List.Item>}
        {holdings.openCases > 0 && <List.Item>{words.openCases(holdings.openCases)}</List.Item>}
        {holdings.rules > 0 && (
          <List.Item>
            <Text size="sm" span>
              {words.namedByRules(holdings.rules)}{" "}
              {rules.map((rule, index) => (
                <Fragment key={rule.id}>
                  {index > 0 && ", "}
                  <Anchor
                    size="sm"
                    fw={500}
                    renderRoot={(props) => <Link to="/rules/$ruleId" params={{ ruleId: rule.id }} {...props} />}
                  >
                    {rule.name}
                  </Anchor>
                </Fragment>
              ))}
              . {words.changeRules(holdings.rules)}
            </Text>
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
