import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import { recordTimelineQuery, type TimelineFilter } from "../people/queries";
import type { Organization, OrganizationSummary } from "../register/types";
import { type OrganizationsSearch, organizationsQueryParams } from "./organizations-search";

const ORGANIZATIONS = ["organizations"] as const;
export const ORGANIZATIONS_PAGE_SIZE = 50;

export const organizationsListQuery = (search: OrganizationsSearch) =>
  infiniteQueryOptions({
    queryKey: [...ORGANIZATIONS, "list", search],
    queryFn: ({ pageParam }) =>
      api<CursorPage<OrganizationSummary>>("/api/organizations", {
        query: { ...organizationsQueryParams(search), limit: ORGANIZATIONS_PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const organizationQuery = (organizationId: string) =>
  queryOptions({
    queryKey: [...ORGANIZATIONS, organizationId],
    queryFn: () => api<Organization>(`/api/organizations/${organizationId}`),
  });

export const organizationTimelineQuery = (organizationId: string, filter: TimelineFilter) =>
  recordTimelineQuery([...ORGANIZATIONS, organizationId], `/api/organizations/${organizationId}/timeline`, filter);
