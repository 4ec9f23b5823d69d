import { lt, sql } from "drizzle-orm";
import pino, { type Logger } from "pino";
import { openStore, type Store } from "../db/client";
import { migrateStore } from "../db/migrate";
import { auditLog } from "../db/platform-schema";
import { registerPersonFinder } from "../flows/identify-person";
import { ImportProgressBoard } from "../flows/import-progress-board";
import { refreshDueContacts } from "../flows/refresh-last-contact";
import { sweepEventRules } from "../flows/sweep-event-rules";
import { type Actor, systemActor } from "../kernel/actor";
import { type Clock, systemClock } from "../kernel/clock";
import type { TConfig } from "../kernel/config";
import { type Ctx, type CtxBase, createCtx } from "../kernel/ctx";
import { EventBus } from "../kernel/events";
import { JobQueue } from "../kernel/jobs";
import { setInstallationTimeZone } from "../kernel/local-time";
import { TimelineRegistry } from "../kernel/timeline";
import { type CountryLookup, loadCountryLookup } from "../lib/enrich";
import { ensureCustomSortIndexes, profilingObjectors } from "../modules/register";
import { deliverWebhook, type RuleEngine, runScheduledRules } from "../modules/rules";
import { pruneTracking, type TrackingDeps } from "../modules/tracking";
import { createRuleEngine, WEBHOOK_JOB } from "./rules-runtime";
import { wireHandlers } from "./wire";

export interface Services {
  config: TConfig;
  store: Store;
  clock: Clock;
  log: Logger;
  bus: EventBus;
  jobs: JobQueue;
  /** Every module's contribution to the 360° timeline, registered at start-up. */
  timeline: TimelineRegistry;
  ctxBase: CtxBase;
  /** What event collection needs from outside its module; the country table loads on first use. */
  trackingDeps(): Promise<TrackingDeps>;
  /** The rule engine: compiled rules by trigger, the facts and actions modules registered. */
  rules: RuleEngine;
  /** How far each import sent to this process has got, for the app's progress bar. */
  importProgress: ImportProgressBoard;
  ctx(actor: Actor, requestId?: string | null): Ctx;
  systemCtx(label: string): Ctx;
  /** Stops the dispatcher and the job workers (waiting for running jobs), then closes the store. */
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  clock?: Clock;
  log?: Logger;
  /** An already open store (tests hand in theirs); closed with the services unless `keepStore`. */
  store?: Store;
  keepStore?: boolean;
  /** Run the outbox dispatcher and job workers in this process. */
  background?: boolean;
}

export function createLogger(config: Pick<TConfig, "LOG_LEVEL">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.password"], censor: "[hidden]" },
  });
}

export async function openServices(config: TConfig, options: OpenServicesOptions = {}): Promise<Services> {
  const log = options.log ?? createLogger(config);
  setInstallationTimeZone(config.DEFAULT_TIME_ZONE);
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  try {
    await migrateStore(store);
    // Custom attributes defined before their lists were indexed get their index once.
    await ensureCustomSortIndexes(store.db);
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const bus = new EventBus({ db: store.db, clock, log });
  const jobs = new JobQueue(store, log);
  let trackingDeps: Promise<TrackingDeps> | undefined;
  const rules = createRuleEngine(jobs, log);
  const ctxBase: CtxBase = { db: store.db, clock, log, onEventsCommitted: bus.kick };
  const services: Services = {
    config,
    store,
    clock,
    log,
    bus,
    jobs,
    timeline: new TimelineRegistry(),
    ctxBase,
    rules,
    // Behind a load balancer a poll may reach another process: on a server, shared through a table.
    importProgress: new ImportProgressBoard(store.kind === "postgres" ? store.db : null),
    trackingDeps: () => {
      trackingDeps ??= loadCountryLookup()
        .catch((error: unknown) => {
          log.warn({ err: error }, "country lookup unavailable; events get no country");
          return null;
        })
        .then((countries: CountryLookup | null) => ({
          finder: registerPersonFinder,
          objectors: profilingObjectors,
          writers: store.kind === "pglite" ? 1 : 2,
          onCommitted: (events) => {
            const ctx = createCtx(ctxBase, systemActor("rules"));
            rules
              .handleEvents(ctx, events)
              .catch((error: unknown) => log.error({ err: error }, "rules on tracked events failed"));
          },
          countries,
          ipMode: config.TRACKING_IP_MODE,
          defaultTimeZone: config.DEFAULT_TIME_ZONE,
        }));
      return trackingDeps as Promise<TrackingDeps>;
    },
    ctx: (actor, requestId = null) => createCtx(ctxBase, actor, requestId),
    systemCtx: (label) => createCtx(ctxBase, systemActor(label)),
    close: async () => {
      await bus.stop();
      await jobs.stop(config.SHUTDOWN_TIMEOUT_MS);
      if (!options.keepStore) await store.close();
    },
  };
  wireHandlers(services);
  definePlatformJobs(services);
  if (options.background ?? config.JOBS) await startBackground(services);
  return services;
}

/**
 * Starts the outbox dispatcher and the job workers. A server starts them once it listens: on the
 * embedded store their work runs on the server's own thread, and a backlog left by an import
 * would otherwise hold up its start.
 */
export async function startBackground(services: Services): Promise<void> {
  await services.jobs.start({ work: true });
  // A server told to stop while its jobs were starting has already stopped the bus: leave it so.
  if (services.jobs.running) services.bus.start();
}

function definePlatformJobs(services: Services): void {
  const { jobs, store, clock, config } = services;
  jobs.define({
    name: "platform.prune",
    cron: { expression: "17 3 * * *" },
    handle: async () => {
      const day = 86_400_000;
      const now = clock.now().getTime();
      await store.db.execute(
        sql`delete from outbox_events where status = 'done' and done_at < ${new Date(now - 7 * day).toISOString()}`,
      );
      await store.db.execute(sql`delete from sessions where expires_at < ${new Date(now).toISOString()}`);
      await store.db.execute(sql`delete from rate_limits where window_start < ${new Date(now - day).toISOString()}`);
      await store.db.execute(sql`delete from import_progress where updated_at < now() - interval '1 day'`);
      await store.db.delete(auditLog).where(lt(auditLog.at, new Date(now - config.AUDIT_RETENTION_DAYS * day)));
      // The embedded store has no autovacuum: without this its planner never learns how the
      // tables have grown. On PostgreSQL it repeats what autovacuum does, at a quiet hour.
      await store.db.execute(sql`analyze`);
    },
  });
  jobs.define({
    name: "rules.tick",
    cron: { expression: "* * * * *" },
    handle: async () => {
      await runScheduledRules(services.systemCtx("rules.tick"), services.rules, config.DEFAULT_TIME_ZONE);
      await sweepEventRules(services.systemCtx("rules.tick"), services.rules);
    },
  });
  jobs.define({
    name: "register.contacts_due",
    cron: { expression: "* * * * *" },
    handle: async () => {
      await refreshDueContacts(services.systemCtx("register.contacts_due"));
    },
  });
  jobs.define<{ deliveryId: string }>({
    name: WEBHOOK_JOB,
    retryLimit: 8,
    retryDelaySeconds: 10,
    retryBackoff: true,
    handle: async ({ deliveryId }, { retryCount }) => {
      await deliverWebhook(services.systemCtx("rules.webhook"), deliveryId, retryCount >= 8);
    },
  });
  jobs.define({
    name: "tracking.prune",
    cron: { expression: "37 3 * * *" },
    handle: async () => {
      await pruneTracking(services.systemCtx("tracking.prune"), {
        eventDays: config.TRACKING_RETENTION_DAYS,
        dedupeDays: config.TRACKING_DEDUPE_DAYS,
      });
    },
  });
}
