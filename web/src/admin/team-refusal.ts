import { ApiProblem } from "../api/api-problem";
import type { TeamHoldings } from "../api/types";

export interface TeamRefusal {
  holdings: TeamHoldings;
  /** The active rules that name the team, so the admin knows which to change. */
  rules: Array<{ id: string; name: string }>;
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

function isHoldings(value: unknown): value is TeamHoldings {
  if (typeof value !== "object" || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ["people", "organizations", "openCases", "rules"].every((key) => isCount(counts[key]));
}

const isNamedRule = (value: unknown): value is { id: string; name: string } =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { id?: unknown }).id === "string" &&
  typeof (value as { name?: unknown }).name === "string";

/** What the team still holds, when that is why the server refused to delete it; otherwise null. */
export function teamRefusal(error: unknown): TeamRefusal | null {
  if (!(error instanceof ApiProblem) || error.code !== "conflict") return null;
  const { holdings, rules } = error.extensions;
  if (!isHoldings(holdings)) return null;
  return { holdings, rules: Array.isArray(rules) ? rules.filter(isNamedRule) : [] };
}
