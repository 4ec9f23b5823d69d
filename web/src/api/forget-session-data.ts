import type { QueryClient } from "@tanstack/react-query";

/**
 * When a session ends, the signed-in user's data goes, but queries marked `meta: { public: true }`
 * stay: the sign-in page is already asking them, and a removed query would leave it waiting.
 */
export function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.meta?.public !== true });
  queryClient.getMutationCache().clear();
}
