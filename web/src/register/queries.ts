import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { Items } from "../api/types";
import type { CustomAttribute } from "./types";

export const customAttributesQuery = (entity: "person" | "organization") =>
  queryOptions({
    queryKey: ["custom-attributes", entity],
    queryFn: () => api<Items<CustomAttribute>>("/api/custom-attributes", { query: { entity } }),
    select: (page) => page.items,
    // Admins define attributes rarely; a page reload picks up a new one.
    staleTime: 5 * 60_000,
  });

/**
 * After any write to the register. People and organisations show each other (roles, employers
 * in search), so both are read again; only the queries on screen are fetched at once.
 */
export function useRefreshRegister(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["people"] }),
      queryClient.invalidateQueries({ queryKey: ["organizations"] }),
    ]);
  };
}
