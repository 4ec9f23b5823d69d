import { type Column, inArray, or, type SQL } from "drizzle-orm";
import type { Ctx } from "./ctx";

/** One entry in a customer's 360° timeline, whatever module it comes from. */
export interface TimelineItem {
  id: string;
  kind: string;
  occurredAt: Date;
  title: string;
  summary: string | null;
  personId: string | null;
  organizationId: string | null;
  /** The module that owns the entry, e.g. `activities` or `orders`. */
  source: string;
  data: Record<string, unknown>;
}

export interface TimelineQuery {
  personIds: readonly string[];
  /** Entries recorded on these organisations themselves (an organisation's timeline). */
  organizationIds?: readonly string[];
  kinds?: readonly string[];
  /** Keyset position: entries strictly older than this (time, then id). */
  before?: { at: Date; id: string };
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * A module that contributes entries to the timeline. Sources are registered at start-up, so a
 * module added later brings its kinds without the timeline being edited.
 */
export interface TimelineSource {
  name: string;
  kinds: readonly string[];
  list(ctx: Ctx, query: TimelineQuery): Promise<TimelineItem[]>;
}

/**
 * Whose entries a source lists: those of the query's people, and those recorded on its
 * organisations where the source's rows can belong to one. Null when the query names no one.
 */
export function ownedBy(query: TimelineQuery, personColumn: Column, organizationColumn?: Column): SQL | null {
  const owners: SQL[] = [];
  if (query.personIds.length > 0) owners.push(inArray(personColumn, [...query.personIds]));
  if (organizationColumn && query.organizationIds?.length) {
    owners.push(inArray(organizationColumn, [...query.organizationIds]));
  }
  return or(...owners) ?? null;
}

export class TimelineRegistry {
  readonly #sources: TimelineSource[] = [];

  register(source: TimelineSource): void {
    if (this.#sources.some((existing) => existing.name === source.name)) {
      throw new Error(`timeline source ${source.name} registered twice`);
    }
    this.#sources.push(source);
  }

  get kinds(): string[] {
    return this.#sources.flatMap((source) => source.kinds);
  }

  /**
   * Merges the newest entries of every source into one page, newest first. Each source is asked
   * for at most `limit` entries past the cursor, so a page costs one indexed query per source.
   */
  async page(ctx: Ctx, query: TimelineQuery): Promise<{ items: TimelineItem[]; hasMore: boolean }> {
    const wanted = query.kinds?.length ? new Set(query.kinds) : null;
    const sources = this.#sources.filter((source) => !wanted || source.kinds.some((kind) => wanted.has(kind)));
    const batches = await Promise.all(
      sources.map((source) =>
        source.list(ctx, {
          ...query,
          kinds: wanted ? source.kinds.filter((kind) => wanted.has(kind)) : undefined,
          limit: query.limit + 1,
        }),
      ),
    );
    const merged = batches
      .flat()
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return { items: merged.slice(0, query.limit), hasMore: merged.length > query.limit };
  }
}
