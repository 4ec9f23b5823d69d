import { useQuery } from "@tanstack/react-query";
import { usersQuery } from "../admin/queries";
import { useMe } from "../auth/me-query";
import { teamsQuery } from "./queries";

/**
 * Users and teams, which only administrators may list; for anyone else they are not asked for,
 * and the forms offer the person's owner or a typed id instead.
 */
export function useUsers() {
  const isAdmin = useMe().role === "admin";
  return useQuery({ ...usersQuery, enabled: isAdmin, staleTime: 5 * 60_000 });
}

export function useTeams() {
  const isAdmin = useMe().role === "admin";
  return useQuery({ ...teamsQuery, enabled: isAdmin });
}
