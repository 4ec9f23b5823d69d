export type SurvivorshipRule = "source_trust" | "most_recent" | "most_complete" | "keep_all";

export interface SourcedValue<T> {
  value: T;
  source: string;
  /** ISO 8601. */
  observedAt: string;
}

/**
 * Picks the value a merged (golden) record keeps for one field from the values its source
 * records hold. Empty values (null, "", [] and objects with only empty fields) never win while
 * a real one exists.
 * - source_trust: the value from the most trusted source (`trust`, higher wins, unknown 0);
 * - most_recent: the value observed last;
 * - most_complete: the value with the most filled-in parts (names in a list, fields of an object);
 * - keep_all: every distinct value, each once as last observed, most recent first.
 * Ties go to the most recent observation, then to the earlier entry. Returns [] for no values.
 */
export function chooseSurvivor<T>(
  values: SourcedValue<T>[],
  rule: SurvivorshipRule,
  trust: Record<string, number> = {},
): SourcedValue<T>[] {
  const candidates = values.filter((candidate) => completeness(candidate.value) > 0);
  if (candidates.length === 0) return [];
  const byRecency = (a: SourcedValue<T>, b: SourcedValue<T>) => compareDates(b.observedAt, a.observedAt);
  if (rule === "keep_all") {
    const seen = new Set<string>();
    return [...candidates].sort(byRecency).filter((candidate) => {
      const key = JSON.stringify(candidate.value);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const score = (candidate: SourcedValue<T>): number => {
    if (rule === "source_trust") return trust[candidate.source] ?? 0;
    if (rule === "most_complete") return completeness(candidate.value);
    return 0;
  };
  let best = candidates[0] as SourcedValue<T>;
  for (const candidate of candidates.slice(1)) {
    const difference = score(candidate) - score(best);
    if (difference > 0 || (difference === 0 && byRecency(candidate, best) < 0)) best = candidate;
  }
  return [best];
}

/** How many parts of a value are filled in: 0 means empty. */
function completeness(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") return value.trim().length > 0 ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + completeness(item), 0);
  if (typeof value === "object") {
    return Object.values(value as Record<string, unknown>).reduce((sum: number, item) => sum + completeness(item), 0);
  }
  return 1;
}

function compareDates(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  if (Number.isNaN(difference)) return a < b ? -1 : a > b ? 1 : 0;
  return difference;
}
