import { queryOptions } from "@tanstack/react-query";
import { api } from "../api/api";

export type SavedListEntity = "person" | "organization";

/** A list's query as the API takes it, e.g. `{ city: "Visby", sort: "-createdAt" }`. */
export type ListQuery = Record<string, string | readonly string[]>;

export interface SavedList {
  id: string;
  entity: SavedListEntity;
  name: string;
  query: ListQuery;
  userId: string;
  shared: boolean;
  /** Saved by the user looking: theirs to change and delete. */
  mine: boolean;
}

export const savedListsQuery = (entity: SavedListEntity) =>
  queryOptions({
    queryKey: ["saved-lists", entity],
    queryFn: () => api<{ items: SavedList[] }>(`/api/saved-lists?entity=${entity}`),
  });

/** One text for a query, whichever order its parameters and however a single filter is written. */
function queryKey(query: ListQuery): string {
  return JSON.stringify(
    Object.keys(query)
      .sort()
      .map((name) => {
        const value = query[name];
        return [name, typeof value === "string" ? [value] : [...(value ?? [])].sort()];
      }),
  );
}

/** The saved list the list shows now, if it shows one exactly: the user's own first. */
export function activeSavedList(lists: readonly SavedList[], query: ListQuery): SavedList | undefined {
  const key = queryKey(query);
  return lists.find((list) => queryKey(list.query) === key);
}
