import { and, eq, inArray, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { outboxEvents, outboxHandlerRuns } from "../db/platform-schema";
import { queryRows } from "../db/rows";
import type { Db } from "../db/types";
import { type Actor, systemActor } from "./actor";
import type { Clock } from "./clock";
import { type Ctx, createCtx, newId, withTransaction } from "./ctx";

export interface DomainEvent<P = unknown> {
  id: string;
  type: string;
  payload: P;
  actor: Actor;
  occurredAt: Date;
}

export interface EmitOptions {
  /**
   * Bulk work: delivered only while no other event is due, a few at a time, so that events
   * emitted after it (a message to send, a rule to decide) do not wait behind it.
   */
  background?: boolean;
}

/**
 * Writes a domain event to the outbox in the caller's transaction. It is delivered to handlers
 * only once that transaction commits, and at least once after that, even across a crash.
 */
export async function emitEvent<P>(ctx: Ctx, type: string, payload: P, options: EmitOptions = {}): Promise<string> {
  if (!ctx.inTransaction) throw new Error(`event ${type} emitted outside a transaction`);
  const id = newId(ctx);
  await ctx.db.insert(outboxEvents).values({
    id,
    type,
    payload: payload as object,
    actor: ctx.actor,
    occurredAt: ctx.clock.now(),
    availableAt: ctx.clock.now(),
    background: options.background ?? false,
  });
  const notify = ctx.onEventsCommitted;
  if (notify && !ctx.afterCommit.includes(notify)) ctx.afterCommit.push(notify);
  return id;
}

/** Events a single insert writes: a few megabytes of JSON at most. */
const EMIT_CHUNK = 5_000;

/**
 * `emitEvent` for many events of one type, one statement per few thousand: a hand-over of
 * thousands of customers is one event per customer, and one round trip each adds up. What the
 * events share travels once; their ids and payloads as one JSON array PostgreSQL unpacks.
 */
export async function emitEvents<P>(
  ctx: Ctx,
  type: string,
  payloads: readonly P[],
  options: EmitOptions = {},
): Promise<string[]> {
  if (!ctx.inTransaction) throw new Error(`events ${type} emitted outside a transaction`);
  const ids: string[] = [];
  const now = ctx.clock.now().toISOString();
  const actor = JSON.stringify(ctx.actor);
  for (let start = 0; start < payloads.length; start += EMIT_CHUNK) {
    const rows = payloads.slice(start, start + EMIT_CHUNK).map((payload) => {
      const id = newId(ctx);
      ids.push(id);
      return { id, payload };
    });
    await ctx.db.execute(sql`
      insert into outbox_events (id, type, payload, actor, occurred_at, available_at, background)
      select x.id, ${type}, x.payload, ${actor}::jsonb, ${now}::timestamptz, ${now}::timestamptz, ${options.background ?? false}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, payload jsonb)`);
  }
  const notify = ctx.onEventsCommitted;
  if (notify && ids.length > 0 && !ctx.afterCommit.includes(notify)) ctx.afterCommit.push(notify);
  return ids;
}

export type EventHandler = (event: DomainEvent, ctx: Ctx) => Promise<void>;

interface Registration {
  name: string;
  handle: EventHandler;
}

export interface EventBusOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  batchSize?: number;
  /**
   * Background events claimed at once, when nothing else is due: small, because an event emitted
   * meanwhile waits for the claimed ones to finish.
   */
  backgroundBatchSize?: number;
  /**
   * After this many batches of other events in a row, a background batch goes first: a steady
   * stream of other events (a busy web shop's tracking) must not hold an import's duplicate check
   * back for ever.
   */
  backgroundEvery?: number;
  /** How long a claimed event stays hidden from other dispatchers while its handlers run. */
  leaseMs?: number;
  maxAttempts?: number;
  pollMs?: number;
}

/**
 * Delivers outbox events to handlers registered at start-up. Each handler runs in its own
 * transaction together with the record that it has run, so a retry after a partial failure
 * repeats only the handlers that did not finish. Dispatchers in several processes share the
 * work by leasing rows.
 */
export class EventBus {
  readonly #handlers = new Map<string, Registration[]>();
  readonly #options: Required<EventBusOptions>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  /** Set by `stop()` alone: a bus never started still dispatches when asked (tests, the CLI). */
  #stopping = false;
  /** Batches of other events claimed since the background lane last had its turn. */
  #sinceBackground = 0;

  constructor(options: EventBusOptions) {
    this.#options = {
      batchSize: 100,
      backgroundBatchSize: 4,
      backgroundEvery: 10,
      leaseMs: 60_000,
      maxAttempts: 10,
      pollMs: 1_000,
      ...options,
    };
  }

  on(type: string, name: string, handle: EventHandler): void {
    const list = this.#handlers.get(type) ?? [];
    if (list.some((entry) => entry.name === name)) throw new Error(`handler ${name} registered twice for ${type}`);
    list.push({ name, handle });
    this.#handlers.set(type, list);
  }

  start(): void {
    this.#stopped = false;
    this.#stopping = false;
    const tick = () => {
      if (this.#stopped) return;
      this.kick();
      this.#timer = setTimeout(tick, this.#options.pollMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  /** Dispatches soon; called after a commit that wrote events. */
  kick = (): void => {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        this.kick();
      }
    });
  };

  /**
   * Events not yet delivered to every handler, by lane; exported as a metric. A background count
   * in the thousands after an import is the duplicate check at work, not a fault.
   */
  async pendingCounts(): Promise<{ immediate: number; background: number }> {
    const rows = await queryRows<{ background: boolean; n: number }>(
      this.#options.db,
      sql`select background, count(*)::int as n from outbox_events where status = 'pending' group by background`,
    );
    const count = (background: boolean) => Number(rows.find((row) => row.background === background)?.n ?? 0);
    return { immediate: count(false), background: count(true) };
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while ((await this.dispatchPending()) > 0 && !this.#stopped) {
        // Something was due: there may be more, and background batches are small.
      }
    } catch (error) {
      this.#options.log.error({ err: error }, "outbox dispatch failed");
    }
  }

  /**
   * Claims and delivers one batch of due events; returns how many it claimed. Background events
   * are claimed a few at a time, when no other event is due, or when other events have had
   * `backgroundEvery` batches in a row.
   */
  async dispatchPending(): Promise<number> {
    const { batchSize, backgroundBatchSize, backgroundEvery } = this.#options;
    let ids: string[] = [];
    if (this.#sinceBackground >= backgroundEvery) {
      this.#sinceBackground = 0;
      ids = await this.#claim(true, backgroundBatchSize);
    }
    if (ids.length === 0) {
      ids = await this.#claim(false, batchSize);
      if (ids.length > 0) this.#sinceBackground += 1;
    }
    if (ids.length === 0) {
      this.#sinceBackground = 0;
      ids = await this.#claim(true, backgroundBatchSize);
    }
    if (ids.length === 0) return 0;
    await this.#deliverClaimed(ids);
    return ids.length;
  }

  async #claim(background: boolean, limit: number): Promise<string[]> {
    const { db, clock, leaseMs } = this.#options;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await queryRows<{ id: string }>(
      db,
      sql`
      update outbox_events set available_at = ${leaseUntil.toISOString()}, attempts = attempts + 1
      where id in (
        select id from outbox_events
        where status = 'pending' and background = ${background} and available_at <= ${now.toISOString()}
        order by available_at, id
        limit ${limit}
        for update skip locked)
      returning id`,
    );
    return claimed.map((row) => row.id);
  }

  async #deliverClaimed(ids: string[]): Promise<void> {
    const { db, clock } = this.#options;
    const events = await db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
    events.sort((a, b) => (a.id < b.id ? -1 : 1));
    const runs = await db
      .select({ eventId: outboxHandlerRuns.eventId, handler: outboxHandlerRuns.handler })
      .from(outboxHandlerRuns)
      .where(inArray(outboxHandlerRuns.eventId, ids));
    const done = new Set(runs.map((run) => `${run.eventId}/${run.handler}`));
    for (const [index, row] of events.entries()) {
      // The embedded store answers on this thread without waiting for I/O, so a batch would
      // otherwise run as one unbroken chain: no request, and no SIGTERM, heard until its end.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#stopping) {
        // Stopping: the rest of the batch goes back at once, its attempt not counted, so a
        // shutdown waits for one event's handlers rather than a hundred's.
        const rest = events.slice(index).map((event) => event.id);
        await db
          .update(outboxEvents)
          .set({ availableAt: clock.now(), attempts: sql`greatest(${outboxEvents.attempts} - 1, 0)` })
          .where(and(inArray(outboxEvents.id, rest), eq(outboxEvents.status, "pending")));
        break;
      }
      await this.#deliver(
        {
          id: row.id,
          type: row.type,
          payload: row.payload,
          actor: row.actor as Actor,
          occurredAt: row.occurredAt,
        },
        row.attempts,
        done,
      );
    }
  }

  async #deliver(event: DomainEvent, attempts: number, done: Set<string>): Promise<void> {
    const { db, clock, log, maxAttempts } = this.#options;
    const failures: string[] = [];
    for (const { name, handle } of this.#handlers.get(event.type) ?? []) {
      if (done.has(`${event.id}/${name}`)) continue;
      const ctx = createCtx({ db, clock, log, onEventsCommitted: this.kick }, systemActor(`handler:${name}`));
      try {
        await withTransaction(ctx, async (tx) => {
          await handle(event, tx);
          await tx.db.insert(outboxHandlerRuns).values({ eventId: event.id, handler: name, completedAt: clock.now() });
        });
      } catch (error) {
        log.warn({ err: error, eventId: event.id, type: event.type, handler: name, attempts }, "event handler failed");
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length === 0) {
      await db
        .update(outboxEvents)
        .set({ status: "done", doneAt: clock.now(), lastError: null })
        .where(eq(outboxEvents.id, event.id));
      return;
    }
    const dead = attempts >= maxAttempts;
    // Exponential back-off from 2 s, capped at 10 minutes.
    const delayMs = Math.min(2_000 * 2 ** (attempts - 1), 600_000);
    await db
      .update(outboxEvents)
      .set({
        status: dead ? "dead" : "pending",
        lastError: failures.join("; ").slice(0, 4_000),
        availableAt: new Date(clock.now().getTime() + delayMs),
      })
      .where(and(eq(outboxEvents.id, event.id), eq(outboxEvents.status, "pending")));
    if (dead) log.error({ eventId: event.id, type: event.type, failures }, "event gave up after max attempts");
  }
}
