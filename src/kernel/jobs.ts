import { fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Store } from "../db/client";

export interface JobDefinition<D extends object = object> {
  name: string;
  handle: (data: D, meta: { id: string; retryCount: number }) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Cron expression (5 fields) and time zone, for recurring jobs. */
  cron?: { expression: string; tz?: string; data?: D };
}

export interface SendOptions {
  startAfter?: Date | number;
  singletonKey?: string;
}

/**
 * The durable job queue: delayed, scheduled and retried work kept in the database through pg-boss,
 * on PostgreSQL directly and on PGlite through its adapter. Jobs survive a restart; a job whose
 * worker dies is retried after it expires.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #log: Logger;
  readonly #definitions = new Map<string, JobDefinition<never>>();
  #started = false;
  /** The start under way, which a stop waits for: a server told to stop while starting. */
  #starting: Promise<void> | null = null;
  #stopping = false;

  constructor(store: Store, log: Logger) {
    this.#log = log;
    const common = { schema: "pgboss", application_name: "lanthandel" };
    this.#boss =
      store.kind === "pglite" && store.pglite
        ? new PgBoss({ ...common, db: fromPglite(store.pglite), backend: "pglite" })
        : new PgBoss({ ...common, connectionString: store.connectionString, max: 4 });
    this.#boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  }

  define<D extends object>(definition: JobDefinition<D>): void {
    if (this.#started) throw new Error(`job ${definition.name} defined after start`);
    this.#definitions.set(definition.name, definition as unknown as JobDefinition<never>);
  }

  /** Creates the queues and their schedules; with `work`, this process also runs the handlers. */
  async start({ work }: { work: boolean }): Promise<void> {
    this.#starting = this.#start(work);
    try {
      await this.#starting;
    } finally {
      this.#starting = null;
    }
  }

  /** False once asked to stop, even while a start is still under way. */
  get running(): boolean {
    return this.#started && !this.#stopping;
  }

  async #start(work: boolean): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const definition of this.#definitions.values()) {
      // Asked to stop meanwhile: no more queues, and above all no more workers polling.
      if (this.#stopping) return;
      await this.#boss.createQueue(definition.name, {
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: definition.retryBackoff ?? true,
        expireInSeconds: definition.expireInSeconds ?? 900,
      });
      if (definition.cron) {
        await this.#boss.schedule(definition.name, definition.cron.expression, definition.cron.data ?? {}, {
          tz: definition.cron.tz ?? "Europe/Stockholm",
        });
      }
      if (work && !this.#stopping) {
        await this.#boss.work<object>(definition.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
          for (const job of jobs) {
            this.#log.debug({ job: definition.name, id: job.id }, "job started");
            await definition.handle(job.data as never, { id: job.id, retryCount: job.retryCount });
          }
        });
      }
    }
  }

  async send<D extends object>(name: string, data: D, options: SendOptions = {}): Promise<string> {
    if (!this.#definitions.has(name)) throw new Error(`unknown job ${name}`);
    const id = await this.#boss.send(name, data, {
      ...(options.startAfter !== undefined
        ? { startAfter: options.startAfter instanceof Date ? options.startAfter : new Date(options.startAfter) }
        : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (!id) throw new Error(`job ${name} was not queued (a singleton is already waiting)`);
    return id;
  }

  async getJob(name: string, id: string) {
    return this.#boss.getJobById(name, id);
  }

  /**
   * Stops fetching new jobs and waits for the running ones, up to the timeout. A start still under
   * way is let finish first (it stops adding workers), so nothing keeps polling after the stop.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.#stopping = true;
    await this.#starting?.catch(() => {});
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }
}
