import { Alert, Box, Button, Grid, Group, NumberInput, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { FormProblemAlert } from "../register/form-problem-alert";
import { SectionCard } from "../ui/section-card";
import { ActionsEditor } from "./actions-editor";
import type { GroupDraft, NodeDraft } from "./condition-draft";
import { ConditionEditor } from "./condition-editor";
import { ConditionPreview } from "./condition-preview";
import { useRefreshRules } from "./queries";
import { emptyRule, type RuleDraft, ruleDraft, ruleInput } from "./rule-draft";
import { ruleProblems } from "./rule-problems";
import { TriggerEditor } from "./trigger-editor";
import type { Rule, RuleFields } from "./types";
import { useCanManageRules } from "./use-can-manage-rules";

interface RuleBuilderProps {
  /** The rule to edit, or null for a new one. */
  rule: Rule | null;
  fields: RuleFields;
  onSaved: (rule: Rule) => void;
  /** False while another tab hides the builder: the count of who matches is asked again on return. */
  active?: boolean;
}

/** Which rows and groups the tree has, in order; when it changes, the server's errors no longer point at the right rows. */
const shapeOf = (node: NodeDraft): string =>
  node.kind === "row"
    ? node.id
    : `${node.id}:${node.negated ? "not." : ""}${node.join}(${node.children.map(shapeOf).join(",")})`;

/** The rule builder: when, if and then, with the condition as text and a live count of who matches beside it. */
export function RuleBuilder({ rule, fields, onSaved, active = true }: RuleBuilderProps) {
  const { t } = useI18n();
  const words = t.rules;
  const canManage = useCanManageRules();
  const refreshRules = useRefreshRules();
  const problemsRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraft(rule, fields.items) : emptyRule()));
  const save = useMutation({
    mutationFn: (input: RuleDraft) => {
      // The switch above the form turns a saved rule on and off; the form keeps the latest state.
      const body = { ...ruleInput(input, fields.items), enabled: rule ? rule.enabled : input.enabled };
      return rule
        ? api<Rule>(`/api/rules/${rule.id}`, { method: "PUT", body })
        : api<Rule>("/api/rules", { method: "POST", body });
    },
    onSuccess: async (saved) => {
      await refreshRules();
      onSaved(saved);
    },
  });
  // The summary of what is wrong sits above the form, out of sight of the button that was pressed.
  useEffect(() => {
    if (save.error) problemsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [save.error]);
  const problems = ruleProblems(save.error, t);
  const update = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const changeCondition = (change: (condition: GroupDraft) => GroupDraft) => {
    const condition = change(draft.condition);
    if (shapeOf(condition) !== shapeOf(draft.condition)) save.reset();
    update({ condition });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const disabled = !canManage;
  const condition = ruleInput(draft, fields.items).condition;

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9, xl: 8 }}>
          <Stack gap="lg">
            {!canManage && (
              <Alert color="gray" variant="light">
                {words.readOnly}
              </Alert>
            )}
            <Box ref={problemsRef} style={{ scrollMarginTop: 88 }} hidden={!save.error}>
              <FormProblemAlert error={save.error} unplaced={problems.unplaced} />
            </Box>
            <SectionCard title={words.sections.about}>
              <Stack gap="sm">
                <TextInput
                  label={words.name}
                  placeholder={words.namePlaceholder}
                  value={draft.name}
                  onChange={(event) => update({ name: event.currentTarget.value })}
                  error={problems.at("name")}
                  maxLength={200}
                  required
                  disabled={disabled}
                />
                <Textarea
                  label={words.description}
                  description={words.descriptionHint}
                  value={draft.description}
                  onChange={(event) => update({ description: event.currentTarget.value })}
                  error={problems.at("description")}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  disabled={disabled}
                />
                {!rule && (
                  <Switch
                    label={words.enabled}
                    description={words.enabledHint}
                    checked={draft.enabled}
                    onChange={(event) => update({ enabled: event.currentTarget.checked })}
                    disabled={disabled}
                  />
                )}
              </Stack>
            </SectionCard>
            <SectionCard title={words.sections.trigger}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {words.sectionHints.trigger}
                </Text>
                <TriggerEditor
                  trigger={draft.trigger}
                  onChange={(patch) => update({ trigger: { ...draft.trigger, ...patch } })}
                  fields={fields.items}
                  problems={problems}
                  ruleId={rule?.id ?? null}
                  disabled={disabled}
                />
              </Stack>
            </SectionCard>
            <SectionCard title={words.sections.condition}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {words.sectionHints.condition}
                </Text>
                <ConditionEditor
                  condition={draft.condition}
                  onChange={changeCondition}
                  fields={fields.items}
                  withEvent={draft.trigger.type === "event"}
                  problems={problems}
                  disabled={disabled}
                />
              </Stack>
            </SectionCard>
            <SectionCard title={words.sections.actions}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {words.sectionHints.actions}
                </Text>
                <ActionsEditor
                  actions={draft.actions}
                  onChange={(change) => setDraft((current) => ({ ...current, actions: change(current.actions) }))}
                  available={fields.actions}
                  problems={problems}
                  disabled={disabled}
                />
              </Stack>
            </SectionCard>
            <SectionCard title={words.sections.limit}>
              <NumberInput
                label={words.oncePerDays}
                description={words.oncePerDaysHint}
                value={draft.oncePerDays}
                onChange={(oncePerDays) => update({ oncePerDays })}
                error={problems.at("oncePerDays")}
                allowDecimal={false}
                allowNegative={false}
                rightSection={words.days}
                rightSectionWidth={64}
                maw={420}
                disabled={disabled}
              />
            </SectionCard>
            {canManage && (
              <Group justify="flex-end" gap="sm">
                {!rule && (
                  <Button variant="default" renderRoot={(props) => <Link to="/rules" {...props} />}>
                    {words.cancel}
                  </Button>
                )}
                <Button type="submit" loading={save.isPending}>
                  {rule ? words.save : words.create}
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3, xl: 4 }}>
          <Box pos="sticky" top={88}>
            {active && <ConditionPreview condition={condition} fields={fields.items} />}
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}
