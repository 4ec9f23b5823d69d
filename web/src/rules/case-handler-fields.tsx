import { Select, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { HINT_BELOW } from "./hint-below";
import { useTeams, useUsers } from "./use-users";
import { withCurrent } from "./with-current";

interface CaseHandlerFieldsProps {
  teamId: string | null;
  assigneeId: string | null;
  onChange: (patch: { teamId?: string | null; assigneeId?: string | null }) => void;
  errorAt: (field: string) => string | undefined;
  disabled: boolean;
  teamHint?: string;
  assigneeHint?: string;
}

const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/**
 * Who works on a case, both optional: a team and a handler, picked by name from the directory;
 * should it fail to load, their ids can be typed.
 */
export function CaseHandlerFields({
  teamId,
  assigneeId,
  onChange,
  errorAt,
  disabled,
  teamHint,
  assigneeHint,
}: CaseHandlerFieldsProps) {
  const { t } = useI18n();
  const words = t.rules.actions;
  const users = useUsers();
  const teams = useTeams();
  const typedId = (value: string) => value.trim() || null;
  return (
    <>
      {teams.isSuccess ? (
        <Select
          label={words.caseTeam}
          description={teamHint}
          inputWrapperOrder={HINT_BELOW}
          placeholder={words.optional}
          data={withCurrent(
            teams.data.map((team) => ({ value: team.id, label: team.name })),
            teamId,
            t.owner.deletedTeam,
          )}
          value={teamId}
          onChange={(value) => onChange({ teamId: value })}
          clearable
          searchable
          error={errorAt("teamId")}
          disabled={disabled}
        />
      ) : (
        <TextInput
          label={words.caseTeamId}
          description={teamHint}
          inputWrapperOrder={HINT_BELOW}
          placeholder={words.optional}
          value={teamId ?? ""}
          onChange={(event) => onChange({ teamId: typedId(event.currentTarget.value) })}
          error={errorAt("teamId")}
          disabled={disabled}
          styles={monospace}
        />
      )}
      {users.isSuccess ? (
        <Select
          label={words.assignee}
          description={assigneeHint}
          inputWrapperOrder={HINT_BELOW}
          placeholder={words.optional}
          data={withCurrent(
            users.data.map((user) => ({ value: user.id, label: user.name })),
            assigneeId,
            t.owner.formerUser,
          )}
          value={assigneeId}
          onChange={(value) => onChange({ assigneeId: value })}
          clearable
          searchable
          error={errorAt("assigneeId")}
          disabled={disabled}
        />
      ) : (
        <TextInput
          label={words.assigneeId}
          description={assigneeHint}
          inputWrapperOrder={HINT_BELOW}
          placeholder={words.optional}
          value={assigneeId ?? ""}
          onChange={(event) => onChange({ assigneeId: typedId(event.currentTarget.value) })}
          error={errorAt("assigneeId")}
          disabled={disabled}
          styles={monospace}
        />
      )}
    </>
  );
}
