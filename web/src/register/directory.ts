import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../api/api";
import type { Messages } from "../i18n/sv";
import type { OwnedRecord } from "./register-access";

interface Named {
  id: string;
  name: string;
}

/** Active users and teams by name, which every signed-in user may read (GET /api/directory). */
export interface Directory {
  users: Named[];
  teams: Named[];
}

export const directoryQuery = queryOptions({
  queryKey: ["directory"],
  queryFn: () => api<Directory>("/api/directory"),
  staleTime: 5 * 60_000,
});

export interface Names {
  /** A user's name; a deactivated one is no longer listed, and reads as a former user. */
  user(id: string): string;
  /** A team's name; a deleted one is no longer listed, and reads as a deleted team. */
  team(id: string): string;
  /** Who owns a record: "Anna Ek · team Sälj Syd", or null when no one does. */
  owner(record: OwnedRecord): string | null;
}

export function namesFrom(directory: Directory | undefined, t: Messages): Names {
  const lookup = (list: Named[] | undefined, id: string) => list?.find((entry) => entry.id === id)?.name;
  const names: Names = {
    user: (id) => lookup(directory?.users, id) ?? t.owner.formerUser,
    team: (id) => lookup(directory?.teams, id) ?? t.owner.deletedTeam,
    owner: ({ ownerId, ownerTeamId }) => {
      const team = (id: string) => (lookup(directory?.teams, id) ? t.owner.team(names.team(id)) : t.owner.deletedTeam);
      const parts = [ownerId && names.user(ownerId), ownerTeamId && team(ownerTeamId)].filter((part): part is string =>
        Boolean(part),
      );
      return parts.length > 0 ? parts.join(" · ") : null;
    },
  };
  return names;
}

/** Names for ids, once the directory has loaded; until then null, so nothing shows a wrong name. */
export function useNames(t: Messages): Names | null {
  const directory = useQuery(directoryQuery);
  return directory.isSuccess ? namesFrom(directory.data, t) : null;
}
