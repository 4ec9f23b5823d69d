import type { TTraitFilter } from "./schema";

export interface TTraitDefinition {
  id: string;
  key: string;
  eventType: "track" | "page" | "screen";
  eventName: string | null;
  filters: TTraitFilter[];
  aggregate: "count" | "sum" | "min" | "max" | "avg";
  property: string | null;
  windowDays: number;
}

export interface TTraitInput {
  subject: string | null;
  type: string;
  name: string | null;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
}

export interface TBucketDelta {
  trait_id: string;
  subject: string;
  day: string;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
}

/** Reads `a.b.c` from an event's properties; no expression language, by design. */
export function propertyAt(properties: Record<string, unknown> | null, path: string): unknown {
  let value: unknown = properties;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const asNumber = (value: unknown): number | null => {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
};

export function filterMatches(filter: TTraitFilter, properties: Record<string, unknown> | null): boolean {
  const seen = propertyAt(properties, filter.property);
  switch (filter.op) {
    case "exists":
      return seen !== undefined && seen !== null;
    case "eq":
      return seen === filter.value || (asNumber(seen) !== null && asNumber(seen) === asNumber(filter.value));
    case "neq":
      return !(seen === filter.value || (asNumber(seen) !== null && asNumber(seen) === asNumber(filter.value)));
    case "in":
      return Array.isArray(filter.value) && filter.value.some((candidate) => candidate === seen);
    default: {
      const left = asNumber(seen);
      const right = asNumber(filter.value);
      if (left === null || right === null) return false;
      if (filter.op === "gt") return left > right;
      if (filter.op === "gte") return left >= right;
      if (filter.op === "lt") return left < right;
      return left <= right;
    }
  }
}

export function traitApplies(trait: TTraitDefinition, event: TTraitInput): boolean {
  if (trait.eventType !== event.type) return false;
  if (trait.eventName !== null && trait.eventName !== event.name) return false;
  return trait.filters.every((filter) => filterMatches(filter, event.properties));
}

/**
 * Folds a batch of events into one delta per (trait, subject, UTC day), so a batch of a thousand
 * page views costs one upsert per visitor and day rather than one per event.
 */
export function traitDeltas(traits: readonly TTraitDefinition[], events: readonly TTraitInput[]): TBucketDelta[] {
  const deltas = new Map<string, TBucketDelta>();
  if (traits.length === 0) return [];
  for (const event of events) {
    if (!event.subject) continue;
    const day = event.occurredAt.toISOString().slice(0, 10);
    for (const trait of traits) {
      if (!traitApplies(trait, event)) continue;
      let value = 0;
      if (trait.aggregate !== "count") {
        const number = asNumber(propertyAt(event.properties, trait.property ?? ""));
        if (number === null) continue;
        value = number;
      }
      const key = `${trait.id}|${event.subject}|${day}`;
      const delta = deltas.get(key);
      if (delta) {
        delta.count += 1;
        delta.sum += value;
        delta.min = delta.min === null ? value : Math.min(delta.min, value);
        delta.max = delta.max === null ? value : Math.max(delta.max, value);
      } else {
        deltas.set(key, {
          trait_id: trait.id,
          subject: event.subject,
          day,
          count: 1,
          sum: value,
          min: value,
          max: value,
        });
      }
    }
  }
  return [...deltas.values()];
}

/** The value of a trait from its buckets in the window, as rules read it. */
export function aggregateBuckets(
  aggregate: TTraitDefinition["aggregate"],
  buckets: ReadonlyArray<Pick<TBucketDelta, "count" | "sum" | "min" | "max">>,
): number | null {
  if (aggregate === "count") return buckets.reduce((total, bucket) => total + bucket.count, 0);
  if (aggregate === "sum") return buckets.reduce((total, bucket) => total + bucket.sum, 0);
  const counted = buckets.filter((bucket) => bucket.count > 0);
  if (counted.length === 0) return null;
  if (aggregate === "avg") {
    const count = counted.reduce((total, bucket) => total + bucket.count, 0);
    return counted.reduce((total, bucket) => total + bucket.sum, 0) / count;
  }
  const values = counted.flatMap((bucket) => (aggregate === "min" ? [bucket.min] : [bucket.max]));
  const numbers = values.filter((value): value is number => value !== null);
  if (numbers.length === 0) return null;
  return aggregate === "min" ? Math.min(...numbers) : Math.max(...numbers);
}
