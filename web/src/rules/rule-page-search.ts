/** The rule page's tab, in the address so a link can open the decisions directly. The rule itself is the default. */
export interface RulePageSearch {
  tab?: "firings" | "versions";
}

export function validateRulePageSearch(search: Record<string, unknown>): RulePageSearch {
  return { tab: search.tab === "firings" || search.tab === "versions" ? search.tab : undefined };
}
