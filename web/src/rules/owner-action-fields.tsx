import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { type ActionDraft, ASSIGN_STRATEGIES, type AssignStrategy } from "./action-draft";
import type { ActionFieldsProps } from "./action-fields";
import { useTeams, useUsers } from "./use-users";
import { withCurrent } from "./with-current";

type OwnerDraft = Extract<ActionDraft, { type: "assign_owner" }>;

/**
 * A new owner: a named user, or a team's member by turns, by the fewest open tasks, or by turns
 * under a limit. Users and teams are picked by name from the directory; should it fail to load,
 * a user's id can be typed.
 */
export function OwnerActionFields({ action, onChange, errorAt, disabled }: ActionFieldsProps<OwnerDraft>) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const users = useUsers();
  const teams = useTeams();
  const canPickTeam = teams.isSuccess && teams.data.length > 0;
  return (
    <Stack gap="sm">
      {(canPickTeam || action.to === "team") && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {words.assignToKind}
          </Text>
          <SegmentedControl
            aria-label={words.assignToKind}
            value={action.to}
            onChange={(to) => onChange({ to: to === "team" ? "team" : "user" })}
            data={[
              { value: "user", label: words.toUser },
              { value: "team", label: words.toTeam },
            ]}
            disabled={disabled}
            w="fit-content"
          />
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {action.to === "user" &&
          (users.isSuccess ? (
            <Select
              label={words.user}
              data={users.data.map((user) => ({ value: user.id, label: user.name }))}
              value={action.userId}
              onChange={(userId) => onChange({ userId })}
              searchable
              error={errorAt("userId")}
              disabled={disabled}
            />
          ) : (
            <TextInput
              label={words.userId}
              value={action.userId ?? ""}
              onChange={(event) => onChange({ userId: event.currentTarget.value.trim() || null })}
              error={errorAt("userId")}
              disabled={disabled}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
          ))}
        {action.to === "team" && (
          <>
            <Select
              label={words.team}
              data={withCurrent(
                (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
                teams.isSuccess ? action.teamId : null,
                t.owner.deletedTeam,
              )}
              value={action.teamId}
              onChange={(teamId) => onChange({ teamId })}
              error={errorAt("teamId")}
              disabled={disabled}
            />
            <Select
              label={words.strategy}
              data={ASSIGN_STRATEGIES.map((strategy) => ({ value: strategy, label: words.strategies[strategy] }))}
              value={action.strategy}
              onChange={(strategy) => strategy && onChange({ strategy: strategy as AssignStrategy })}
              allowDeselect={false}
              error={errorAt("strategy")}
              disabled={disabled}
            />
            {action.strategy === "capacity" && (
              <NumberInput
                label={words.capacity}
                value={action.capacity}
                onChange={(capacity) => onChange({ capacity })}
                allowDecimal={false}
                allowNegative={false}
                error={errorAt("capacity")}
                disabled={disabled}
              />
            )}
          </>
        )}
      </SimpleGrid>
    </Stack>
  );
}
