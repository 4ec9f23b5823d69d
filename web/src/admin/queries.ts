import { infiniteQueryOptions, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { ApiKey, AuditEntry, CursorPage, Items, Team, User, UserHoldings } from "../api/types";
import type { CustomAttributeDefinition, CustomEntity } from "../register/types";

const ADMIN = ["admin"] as const;

export const usersQuery = queryOptions({
  queryKey: [...ADMIN, "users"],
  queryFn: () => api<Items<User>>("/api/users"),
  select: (page) => page.items,
});

/** Teams with their members, for administrators; everyone else reads team names from the directory. */
export const teamsQuery = queryOptions({
  queryKey: [...ADMIN, "teams"],
  queryFn: () => api<Items<Team>>("/api/teams"),
  select: (page) => page.items,
});

/** Asked afresh each time a deactivation is considered: a count from before would mislead. */
export const userHoldingsQuery = (userId: string) =>
  queryOptions({
    queryKey: [...ADMIN, "users", userId, "holdings"],
    queryFn: () => api<UserHoldings>(`/api/users/${userId}/holdings`),
    staleTime: 0,
  });

export const apiKeysQuery = queryOptions({
  queryKey: [...ADMIN, "api-keys"],
  queryFn: () => api<Items<ApiKey>>("/api/api-keys"),
  select: (page) => page.items,
});

/** Every attribute of the entity, retired ones too: the admin page is where they are restored. */
export const customAttributeDefinitionsQuery = (entity: CustomEntity) =>
  queryOptions({
    queryKey: [...ADMIN, "custom-attributes", entity],
    queryFn: () =>
      api<Items<CustomAttributeDefinition>>("/api/custom-attributes", { query: { entity, includeRetired: "true" } }),
    select: (page) => page.items,
  });

export const AUDIT_PAGE_SIZE = 50;

export const auditLogQuery = infiniteQueryOptions({
  queryKey: [...ADMIN, "audit-log"],
  queryFn: ({ pageParam }) =>
    api<CursorPage<AuditEntry>>("/api/audit-log", { query: { limit: AUDIT_PAGE_SIZE, cursor: pageParam } }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/**
 * Every admin write also lands in the audit log, so all admin lists are refreshed together; the
 * directory too, since a renamed team or a deactivated user changes the names every page shows.
 */
export function useRefreshAdmin(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ADMIN }),
      queryClient.invalidateQueries({ queryKey: ["directory"] }),
    ]);
  };
}

/** A changed attribute changes every form and card that shows custom fields, and the admin lists. */
export function useRefreshCustomAttributes(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ADMIN }),
      queryClient.invalidateQueries({ queryKey: ["custom-attributes"] }),
      // A renamed choice renames values held by people and organisations.
      queryClient.invalidateQueries({ queryKey: ["people"] }),
      queryClient.invalidateQueries({ queryKey: ["organizations"] }),
    ]);
  };
}
