import { useQuery } from "@tanstack/react-query";
import { directoryQuery } from "../register/directory";

/**
 * Active colleagues by name, which every signed-in user may read (GET /api/directory), so the
 * rule pages name users and teams for everyone who sees them, not only for administrators.
 */
export function useUsers() {
  return useQuery({ ...directoryQuery, select: (directory) => directory.users });
}

export function useTeams() {
  return useQuery({ ...directoryQuery, select: (directory) => directory.teams });
}
