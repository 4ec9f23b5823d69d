import { infiniteQueryOptions, keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import type { Items } from "../api/types";
import { type EventStreamSearch, eventStreamQueryParams } from "./event-stream-search";
import type { ComputedTrait, EventPage, IdentityConflict, Source, SourceDebugger, TraitValue } from "./types";

const EVENTS = ["events"] as const;
export const EVENT_PAGE_SIZE = 50;
/** How often a live view asks for what arrived since. */
export const LIVE_INTERVAL_MS = 5_000;

export const eventStreamQuery = (search: EventStreamSearch, live: boolean) =>
  infiniteQueryOptions({
    queryKey: [...EVENTS, "stream", search],
    queryFn: ({ pageParam }) =>
      api<EventPage>("/api/events", {
        query: { ...eventStreamQueryParams(search), limit: EVENT_PAGE_SIZE, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
    // Every loaded page is read again, so older pages shift down as new events arrive on top.
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
  });

export const sourcesQuery = queryOptions({
  queryKey: [...EVENTS, "sources"],
  queryFn: () => api<Items<Source>>("/api/sources"),
  select: (page) => page.items,
});

export const sourceDebuggerQuery = (sourceId: string, live: boolean) =>
  queryOptions({
    queryKey: [...EVENTS, "sources", sourceId, "debugger"],
    queryFn: () => api<SourceDebugger>(`/api/sources/${sourceId}/debugger`),
    // A source that does not exist will not start to: the page says so once, without asking again.
    refetchInterval: (query) =>
      live && !(query.state.error instanceof ApiProblem && query.state.error.code === "not_found")
        ? LIVE_INTERVAL_MS
        : false,
  });

export const computedTraitsQuery = queryOptions({
  queryKey: [...EVENTS, "computed-traits"],
  queryFn: () => api<Items<ComputedTrait>>("/api/computed-traits"),
  select: (page) => page.items,
  // A background job fills traits in; each visit to the list asks how far it has come.
  staleTime: 0,
});

export const identityConflictsQuery = queryOptions({
  queryKey: [...EVENTS, "identity-conflicts", "open"],
  queryFn: () => api<Items<IdentityConflict>>("/api/identity-conflicts", { query: { status: "open" } }),
  select: (page) => page.items,
  // Conflicts arrive with events, not through this app, so every visit asks again.
  staleTime: 0,
});

/** Under the person's key, so a write to the person reads the values again with the rest of the page. */
export const personTraitsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["people", personId, "traits"],
    queryFn: () => api<Items<TraitValue>>(`/api/people/${personId}/traits`),
    select: (page) => page.items,
    // Values move with every event the person sends.
    staleTime: 0,
  });

/** After a write in the events module: sources, traits and conflicts are read again. */
export function useRefreshEvents(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: EVENTS });
}
