import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { Items } from "../api/types";
import type { Condition, DryRun, Rule, RuleFields, RuleFiring, RuleSummary, RuleVersion } from "./types";

const RULES = ["rules"] as const;
export const FIRINGS_PAGE_SIZE = 50;

export const rulesQuery = queryOptions({
  queryKey: [...RULES, "list"],
  queryFn: () => api<Items<RuleSummary>>("/api/rules"),
  select: (page) => page.items,
  // Statistics grow with every event, so every visit to the list asks again.
  staleTime: 0,
});

export const ruleQuery = (ruleId: string) =>
  queryOptions({
    queryKey: [...RULES, "rule", ruleId],
    queryFn: () => api<Rule>(`/api/rules/${ruleId}`),
  });

/** Fields change when a computed trait or custom attribute is defined elsewhere, so each visit asks again. */
export const ruleFieldsQuery = queryOptions({
  queryKey: [...RULES, "fields"],
  queryFn: () => api<RuleFields>("/api/rule-fields"),
  staleTime: 0,
});

export const ruleVersionsQuery = (ruleId: string) =>
  queryOptions({
    queryKey: [...RULES, "rule", ruleId, "versions"],
    queryFn: () => api<Items<RuleVersion>>(`/api/rules/${ruleId}/versions`),
    select: (page) => page.items,
  });

export const ruleFiringsQuery = (ruleId: string) =>
  queryOptions({
    queryKey: [...RULES, "rule", ruleId, "firings"],
    queryFn: () => api<Items<RuleFiring>>("/api/rule-firings", { query: { ruleId, limit: FIRINGS_PAGE_SIZE } }),
    select: (page) => page.items,
    // Rules fire on events arriving all the time.
    staleTime: 0,
  });

/** Under the person's key, so the person page reads them again with the rest of the page. */
export const personFiringsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["people", personId, "rule-firings"],
    queryFn: () => api<Items<RuleFiring>>("/api/rule-firings", { query: { personId, limit: 10 } }),
    select: (page) => page.items,
    staleTime: 0,
  });

/**
 * Who matches a condition now. A POST that changes nothing, cached by the condition, so typing
 * back to an earlier condition shows its count at once, and asked again since people change; the
 * last count stays while the next loads.
 */
export const dryRunQuery = (condition: Condition) =>
  queryOptions({
    queryKey: [...RULES, "dry-run", condition],
    queryFn: () => api<DryRun>("/api/rules/dry-run", { method: "POST", body: { condition } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });

/** After a rule is saved, enabled or disabled: the list, the rule and its versions are read again. */
export function useRefreshRules(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: RULES });
}
