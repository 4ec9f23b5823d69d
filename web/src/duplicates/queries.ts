import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { Items } from "../api/types";
import type { CandidateStatus, MatchCandidate, Merge, PairReview } from "./types";

const DUPLICATES = ["duplicates"] as const;
/** The server's largest page; a queue longer than this is worked from the top. */
export const QUEUE_LIMIT = 200;

export const matchCandidatesQuery = (status: CandidateStatus) =>
  queryOptions({
    queryKey: [...DUPLICATES, "candidates", status],
    queryFn: () => api<Items<MatchCandidate>>("/api/match-candidates", { query: { status, limit: QUEUE_LIMIT } }),
    select: (page) => page.items,
    // Pairs arrive from imports, events and other users' checks, so every visit asks again.
    staleTime: 0,
  });

/** The open pairs one person is part of. */
export const personCandidatesQuery = (personId: string) =>
  queryOptions({
    queryKey: [...DUPLICATES, "candidates", "open", { personId }],
    queryFn: () => api<Items<MatchCandidate>>("/api/match-candidates", { query: { status: "open", personId } }),
    select: (page) => page.items,
    staleTime: 0,
  });

export const pairReviewQuery = (candidateId: string) =>
  queryOptions({
    queryKey: [...DUPLICATES, "pair", candidateId],
    queryFn: () => api<PairReview>(`/api/match-candidates/${candidateId}`),
  });

/** Under the person's key, so any write to the register reads them again with the rest of the page. */
export const personMergesQuery = (personId: string) =>
  queryOptions({
    queryKey: ["people", personId, "merges"],
    queryFn: () => api<Items<Merge>>(`/api/people/${personId}/merges`),
    select: (page) => page.items,
  });

/**
 * After a merge, an unmerge or a decision: the queue, and everything about people, since a merge
 * moves contact points, activities, orders and events between two records.
 */
export function useRefreshDuplicates(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      // The queue is read again even when off screen, so it never shows a decided pair after a decision.
      queryClient.invalidateQueries({ queryKey: [...DUPLICATES, "candidates"], refetchType: "all" }),
      queryClient.invalidateQueries({ queryKey: [...DUPLICATES, "pair"] }),
      queryClient.invalidateQueries({ queryKey: ["people"] }),
      queryClient.invalidateQueries({ queryKey: ["organizations"] }),
      queryClient.invalidateQueries({ queryKey: ["events"] }),
    ]);
  };
}
