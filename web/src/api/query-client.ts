import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiProblem, endsSession } from "./api-problem";

const isClientError = (error: Error) => error instanceof ApiProblem && error.status >= 400 && error.status < 500;

/** One place notices a lost session, whichever request finds out first. */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const watch = (error: Error) => {
    if (endsSession(error)) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: watch }),
    mutationCache: new MutationCache({ onError: watch }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !isClientError(error),
      },
    },
  });
}
