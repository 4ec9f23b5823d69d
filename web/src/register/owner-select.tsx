import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMe } from "../auth/me-query";
import { useI18n } from "../i18n/use-i18n";
import { directoryQuery } from "./directory";

/** Whose customers a list shows: mine first, then nobody's, each colleague's and each team's. */
export function OwnerSelect({ value, onChange }: { value: string | undefined; onChange: (owner?: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const directory = useQuery(directoryQuery);
  const words = t.ownerFilter;
  const colleagues = (directory.data?.users ?? []).filter((user) => user.id !== me.id);
  const data = [
    {
      group: words.quick,
      items: [
        { value: me.id, label: words.mine },
        { value: "none", label: words.none },
      ],
    },
    { group: words.users, items: colleagues.map((user) => ({ value: user.id, label: user.name })) },
    {
      group: words.teams,
      items: (directory.data?.teams ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name })),
    },
  ].filter((group) => group.items.length > 0);
  return (
    <Select
      label={words.label}
      placeholder={words.anyone}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      clearable
      searchable
      w={220}
    />
  );
}
