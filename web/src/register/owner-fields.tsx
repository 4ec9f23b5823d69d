import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMe } from "../auth/me-query";
import { useI18n } from "../i18n/use-i18n";
import { directoryQuery } from "./directory";

export interface OwnerChoice {
  ownerId: string | null;
  ownerTeamId: string | null;
}

interface OwnerFieldsProps {
  value: OwnerChoice;
  onChange: (change: Partial<OwnerChoice>) => void;
  errors?: { ownerId?: string | undefined; ownerTeamId?: string | undefined };
}

/**
 * Who is responsible for a customer: a seller, a team, or both; either may be left empty. Only
 * active colleagues and existing teams are offered. One the record already has that is gone (a
 * seller who left) stays shown by what it is, so saving other changes does not move the customer.
 */
export function OwnerFields({ value, onChange, errors }: OwnerFieldsProps) {
  const { t } = useI18n();
  const me = useMe();
  const directory = useQuery(directoryQuery);
  const users = directory.data?.users ?? [];
  const teams = directory.data?.teams ?? [];
  const withCurrent = (items: Array<{ value: string; label: string }>, current: string | null, gone: string) =>
    current && directory.isSuccess && !items.some((item) => item.value === current)
      ? [{ value: current, label: gone }, ...items]
      : items;
  const userItems = [
    ...users.filter((user) => user.id === me.id).map((user) => ({ value: user.id, label: t.owner.me(user.name) })),
    ...users.filter((user) => user.id !== me.id).map((user) => ({ value: user.id, label: user.name })),
  ];
  return (
    <>
      <Select
        label={t.owner.label}
        placeholder={t.owner.none}
        data={withCurrent(userItems, value.ownerId, t.owner.formerUser)}
        value={value.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        clearable
        searchable
        error={errors?.ownerId}
      />
      <Select
        label={t.owner.teamLabel}
        placeholder={t.owner.noTeam}
        data={withCurrent(
          teams.map((team) => ({ value: team.id, label: team.name })),
          value.ownerTeamId,
          t.owner.deletedTeam,
        )}
        value={value.ownerTeamId}
        onChange={(ownerTeamId) => onChange({ ownerTeamId })}
        clearable
        searchable
        error={errors?.ownerTeamId}
      />
    </>
  );
}
