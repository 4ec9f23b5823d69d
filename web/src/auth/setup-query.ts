import { queryOptions } from "@tanstack/react-query";
import { api } from "../api/api";

/** Whether the installation still waits for its first administrator; public, asked before sign-in. */
export const setupQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: () => api<{ needed: boolean }>("/api/setup"),
  staleTime: Number.POSITIVE_INFINITY,
  meta: { public: true },
});
