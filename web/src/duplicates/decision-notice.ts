import { useSyncExternalStore } from "react";

export interface NamedPerson {
  id: string;
  name: string;
}

/** What the queue tells after a pair was decided on its review page. */
export type DecisionNotice =
  | { kind: "merged"; survivor: NamedPerson; merged: NamedPerson }
  | { kind: "distinct"; a: NamedPerson; b: NamedPerson };

let current: DecisionNotice | null = null;
const listeners = new Set<() => void>();

/**
 * The last decision, kept outside the router so the queue can say what was done after the review
 * page has gone; it stays until dismissed or the next pair is opened.
 */
export const decisionNoticeStore = {
  get: (): DecisionNotice | null => current,
  set(notice: DecisionNotice | null): void {
    if (notice === current) return;
    current = notice;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useDecisionNotice(): DecisionNotice | null {
  return useSyncExternalStore(decisionNoticeStore.subscribe, decisionNoticeStore.get);
}
