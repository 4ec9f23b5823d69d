import { useSyncExternalStore } from "react";

/** The rule just created; kept outside the router so the rule's own page, opened next, can say so. */
let createdRuleId: string | null = null;
const listeners = new Set<() => void>();

export const createdRuleStore = {
  get: (): string | null => createdRuleId,
  set(ruleId: string | null): void {
    if (ruleId === createdRuleId) return;
    createdRuleId = ruleId;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCreatedRule(): string | null {
  return useSyncExternalStore(createdRuleStore.subscribe, createdRuleStore.get);
}
