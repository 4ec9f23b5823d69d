import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import type { Person, PersonSummary, TimelinePage } from "../register/types";
import { type PeopleSearch, peopleQueryParams } from "./people-search";

const PEOPLE = ["people"] as const;
export const PEOPLE_PAGE_SIZE = 50;
export const TIMELINE_PAGE_SIZE = 30;

export const peopleListQuery = (search: PeopleSearch) =>
  infiniteQueryOptions({
    queryKey: [...PEOPLE, "list", search],
    queryFn: ({ pageParam }) =>
      api<CursorPage<PersonSummary>>("/api/people", {
        query: { ...peopleQueryParams(search), limit: PEOPLE_PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The old hits stay while the next search loads, so typing does not make the table flicker.
    placeholderData: keepPreviousData,
  });

/** Whether there is anyone in the register at all. */
export const registerIsEmptyQuery = queryOptions({
  queryKey: [...PEOPLE, "list", "any"],
  queryFn: () => api<CursorPage<PersonSummary>>("/api/people", { query: { limit: 1 } }),
  select: (page) => page.items.length === 0,
});

export const personQuery = (personId: string) =>
  queryOptions({
    queryKey: [...PEOPLE, personId],
    queryFn: () => api<Person>(`/api/people/${personId}`),
  });

export interface TimelineFilter {
  kinds: string[];
  /** Local dates, YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

/** A local calendar day's first or last moment, as the instant the API expects. */
function dayBoundary(date: string | undefined, end: boolean): string | undefined {
  if (!date) return undefined;
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const moment = end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day);
  return Number.isNaN(moment.getTime()) ? undefined : moment.toISOString();
}

export const timelineQuery = (personId: string, filter: TimelineFilter) =>
  recordTimelineQuery([...PEOPLE, personId], `/api/people/${personId}/timeline`, filter);

/** A page of a person's or an organisation's timeline, under the record's own query key. */
export const recordTimelineQuery = (recordKey: readonly unknown[], path: string, filter: TimelineFilter) =>
  infiniteQueryOptions({
    queryKey: [...recordKey, "timeline", filter],
    queryFn: ({ pageParam }) =>
      api<TimelinePage>(path, {
        query: {
          kinds: filter.kinds.length > 0 ? filter.kinds.join(",") : undefined,
          from: dayBoundary(filter.from, false),
          to: dayBoundary(filter.to, true),
          limit: TIMELINE_PAGE_SIZE,
          cursor: pageParam,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
