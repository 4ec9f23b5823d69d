import { sql } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { queryRows } from "../../db/rows";
import { systemActor } from "../../kernel/actor";
import { type Ctx, createCtx, withTransaction } from "../../kernel/ctx";
import type { Prepared, TCollectResult } from "./collect-types";
import { ensureEventPartition } from "./ensure-event-partition";
import { linkIdentities, type PersonFinder, subjectOf } from "./link-identities";
import { forgetTraitBuckets, upsertBuckets } from "./trait-buckets";
import { loadTraitDefinitions } from "./trait-definitions";
import { traitDeltas } from "./trait-deltas";

export const EVENT_COLUMNS = {
  id: "uuid",
  source_id: "uuid",
  message_id: "text",
  type: "text",
  name: "text",
  anonymous_id: "text",
  user_id: "text",
  person_id: "uuid",
  group_id: "text",
  occurred_at: "timestamptz",
  received_at: "timestamptz",
  sent_at: "timestamptz",
  original_timestamp: "timestamptz",
  properties: "json",
  traits: "json",
  context: "json",
  integrations: "json",
  enrichment: "json",
};

export type TEventRow = Record<keyof typeof EVENT_COLUMNS, unknown> & { message_id: string; person_id: string | null };

/** An event as others see it once committed: rules decide on these. */
export interface TCommittedEvent {
  id: string;
  type: string;
  name: string | null;
  personId: string | null;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  enrichment: Record<string, unknown> | null;
}

/** Which of these people object to profiling: their events are kept, but no trait counts them. */
export type ObjectorLookup = (ctx: Ctx, personIds: readonly string[]) => Promise<Set<string>>;

export interface TWriterDeps {
  finder: PersonFinder;
  objectors: ObjectorLookup;
  /**
   * Transactions in flight at once. Two keep a PostgreSQL server and this process busy; the
   * embedded store runs one transaction at a time, where a second writer would only take
   * requests one by one that could have shared a commit.
   */
  writers?: number;
  /** Told after each commit, off the acknowledgement's path. */
  onCommitted?: (events: TCommittedEvent[]) => void;
}

export interface TPendingRequest {
  source: { id: string; name: string };
  receivedAt: Date;
  entries: Array<Prepared & { row: TEventRow }>;
}

/** Requests (or events) one transaction takes at most; more wait for the next. */
const MAX_GROUP_REQUESTS = 200;
const MAX_GROUP_EVENTS = 5_000;

interface Waiting {
  request: TPendingRequest;
  resolve(result: TCollectResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: requests that arrive while a transaction is running are written together in the
 * next one. Every request is still answered only after the transaction holding its events has
 * committed; if a shared transaction fails, each of its requests is retried alone, so one bad
 * request cannot fail its neighbours.
 */
class GroupWriter {
  readonly #queue: Waiting[] = [];
  #running = 0;

  constructor(
    readonly ctx: Ctx,
    readonly deps: TWriterDeps,
  ) {}

  submit(request: TPendingRequest): Promise<TCollectResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running < (this.deps.writers ?? 2) && this.#queue.length > 0) {
      this.#running += 1;
      // One turn of the event loop first: requests that have arrived meanwhile are read and
      // queued, and join this group. The embedded store runs a whole transaction without
      // yielding to I/O, so without this turn every request would commit on its own.
      setImmediate(() => {
        const group = this.#take();
        if (group.length === 0) {
          this.#running -= 1;
          return;
        }
        void this.#write(group).finally(() => {
          this.#running -= 1;
          this.#pump();
        });
      });
    }
  }

  #take(): Waiting[] {
    const group: Waiting[] = [];
    let events = 0;
    while (this.#queue.length > 0 && group.length < MAX_GROUP_REQUESTS) {
      const next = this.#queue[0] as Waiting;
      if (group.length > 0 && events + next.request.entries.length > MAX_GROUP_EVENTS) break;
      group.push(next);
      events += next.request.entries.length;
      this.#queue.shift();
    }
    return group;
  }

  async #write(group: Waiting[]): Promise<void> {
    try {
      const results = await writeRequests(
        this.ctx,
        group.map((waiting) => waiting.request),
        this.deps,
      );
      for (const [index, waiting] of group.entries()) waiting.resolve(results[index] as TCollectResult);
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          const [result] = await writeRequests(this.ctx, [waiting.request], this.deps);
          waiting.resolve(result as TCollectResult);
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  }
}

const writers = new WeakMap<object, WeakMap<TWriterDeps, GroupWriter>>();

/**
 * One writer per database and per set of dependencies: a writer hands what it commits to its
 * own `onCommitted`, so events written with other dependencies (the demo data, a script) must
 * not take over the tracking API's writer and leave the rules without its events.
 */
export function groupWriterFor(ctx: Ctx, deps: TWriterDeps): GroupWriter {
  let byDeps = writers.get(ctx.db);
  if (!byDeps) {
    byDeps = new WeakMap();
    writers.set(ctx.db, byDeps);
  }
  let writer = byDeps.get(deps);
  if (!writer) {
    writer = new GroupWriter(createCtx(ctx, systemActor("tracking")), deps);
    byDeps.set(deps, writer);
  }
  return writer;
}

/** Writes the events of several requests in one transaction; one result per request, in order. */
export async function writeRequests(
  ctx: Ctx,
  requests: readonly TPendingRequest[],
  deps: TWriterDeps,
): Promise<TCollectResult[]> {
  for (const month of new Set(requests.map((request) => request.receivedAt.toISOString().slice(0, 7)))) {
    await ensureEventPartition(ctx, new Date(`${month}-01T00:00:00Z`));
  }
  const traits = await loadTraitDefinitions(ctx);
  return withTransaction(ctx, async (tx) => {
    const fresh = await claimMessageIds(tx, requests);
    const results = requests.map((request, index) => {
      const accepted = fresh.filter((entry) => entry.request === index).length;
      return { accepted, duplicates: request.entries.length - accepted };
    });
    if (fresh.length === 0) return results;
    const links = await linkIdentities(
      tx,
      fresh.map(({ source, entry }) => ({ source, message: entry.message })),
      deps.finder,
    );
    for (const { entry } of fresh) entry.row.person_id = links.personOf(entry.message);
    // Read in the writing transaction: an objection committed before it is seen here, and one
    // committed while it runs clears the buckets again when it is lifted.
    const objectors = await deps.objectors(
      tx,
      fresh.flatMap(({ entry }) => (entry.row.person_id ? [entry.row.person_id] : [])),
    );
    await copyRows(
      tx.db,
      "tracked_events",
      EVENT_COLUMNS,
      fresh.map(({ entry }) => entry.row),
      "json",
    );
    const deltas = traitDeltas(
      traits,
      fresh.flatMap(({ entry }) => {
        const subject = subjectOf(entry.message, links);
        if (subject && objectors.has(subject)) return [];
        return [
          {
            subject,
            type: entry.message.type,
            name: entry.message.name,
            occurredAt: entry.occurredAt,
            properties: entry.message.properties,
          },
        ];
      }),
    );
    await upsertBuckets(tx, deltas);
    await links.stitch(tx);
    // Identifying an objector moves their anonymous visits' counts to them: they are dropped instead.
    await forgetTraitBuckets(tx, [...objectors]);
    const { onCommitted } = deps;
    if (onCommitted) {
      const committed = fresh.map(
        ({ entry }): TCommittedEvent => ({
          id: entry.row.id as string,
          type: entry.message.type,
          name: entry.message.name,
          personId: entry.row.person_id,
          occurredAt: entry.occurredAt,
          properties: entry.message.properties,
          context: entry.row.context as Record<string, unknown> | null,
          enrichment: entry.row.enrichment as Record<string, unknown> | null,
        }),
      );
      tx.afterCommit.push(() => onCommitted(committed));
    }
    return results;
  });
}

/**
 * Records the message ids and returns the messages seen for the first time. A repeat within the
 * group counts as a duplicate too, so a retried batch never doubles an event.
 */
async function claimMessageIds(ctx: Ctx, requests: readonly TPendingRequest[]) {
  const unique = new Map<
    string,
    { request: number; source: TPendingRequest["source"]; entry: TPendingRequest["entries"][number] }
  >();
  requests.forEach((request, index) => {
    for (const entry of request.entries) {
      const key = `${request.source.id}|${entry.message.messageId}`;
      if (!unique.has(key)) unique.set(key, { request: index, source: request.source, entry });
    }
  });
  const claims = [...unique.keys()].sort().flatMap((key) => {
    const found = unique.get(key);
    return found ? [found] : [];
  });
  // Only the repeats come back (nearly always none): returning every claimed id cost this
  // process more, reading thousands of rows per group, than the database spent finding them.
  const [row] = await queryRows<{ repeats: string[] | null }>(
    ctx.db,
    sql`with input as (
          select * from unnest(
            ${sql.param(claims.map((claim) => claim.source.id))}::uuid[],
            ${sql.param(claims.map((claim) => claim.entry.message.messageId))}::text[],
            ${sql.param(claims.map((claim) => claim.entry.row.received_at))}::timestamptz[]
          ) as x(s, m, r)
        ), claimed as (
          insert into tracked_message_ids (source_id, message_id, received_at)
          select s, m, r from input on conflict do nothing returning source_id, message_id
        )
        select array_agg(s::text || '|' || m) as repeats from input
        where not exists (select 1 from claimed c where c.source_id = input.s and c.message_id = input.m)`,
  );
  const repeats = new Set(row?.repeats ?? []);
  const fresh: Array<NonNullable<ReturnType<typeof unique.get>>> = [];
  for (const [key, found] of unique) if (!repeats.has(key)) fresh.push(found);
  return fresh;
}
