import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { api } from "../api/api";
import type { User } from "../api/types";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => api<User>("/api/me"),
  staleTime: 5 * 60_000,
});

/** The signed-in user; only inside the shell, whose route guard has loaded it. */
export function useMe(): User {
  return useSuspenseQuery(meQuery).data;
}
