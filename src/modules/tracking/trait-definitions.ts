import type { Ctx } from "../../kernel/ctx";
import { computedTraits } from "./schema";
import type { TTraitDefinition } from "./trait-deltas";

const CACHE_MS = 2_000;
const cache = new WeakMap<object, { at: number; traits: Promise<TTraitDefinition[]> }>();

/**
 * The trait definitions every ingested batch is folded into. Read at most every two seconds per
 * process: a new definition takes effect within that, and its past is filled in by a backfill.
 */
export function loadTraitDefinitions(ctx: Pick<Ctx, "db" | "clock">): Promise<TTraitDefinition[]> {
  // A cache lifetime is real time, not the business clock tests move.
  const now = Date.now();
  const hit = cache.get(ctx.db);
  if (hit && now - hit.at < CACHE_MS) return hit.traits;
  const traits = ctx.db
    .select({
      id: computedTraits.id,
      key: computedTraits.key,
      eventType: computedTraits.eventType,
      eventName: computedTraits.eventName,
      filters: computedTraits.filters,
      aggregate: computedTraits.aggregate,
      property: computedTraits.property,
      windowDays: computedTraits.windowDays,
    })
    .from(computedTraits)
    .then((rows) => rows);
  cache.set(ctx.db, { at: now, traits });
  traits.catch(() => cache.delete(ctx.db));
  return traits;
}

/** Forgets the cached definitions, so a trait defined in this process applies at once. */
export function forgetTraitDefinitions(ctx: Pick<Ctx, "db">): void {
  cache.delete(ctx.db);
}
