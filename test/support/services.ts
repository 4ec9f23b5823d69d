import { afterAll, beforeAll, describe } from "vitest";
import { openServices, type Services } from "../../src/app/services";
import type { StoreKind } from "../../src/db/types";
import { type Clock, ManualClock } from "../../src/kernel/clock";
import { loadConfig, type TConfig } from "../../src/kernel/config";
import type { Ctx } from "../../src/kernel/ctx";
import { silentLogger } from "./logger";
import { openTestStore, STORE_KINDS } from "./stores";

export interface TestServicesOptions {
  clock?: Clock;
  config?: Partial<Record<keyof TConfig, string>>;
  /** Run the outbox dispatcher and job workers, for tests of background work. */
  background?: boolean;
}

export async function openTestServices(kind: StoreKind, options: TestServicesOptions = {}): Promise<Services> {
  const store = await openTestStore(kind);
  const config = loadConfig({ LOG_LEVEL: "silent", JOBS: "false", ...options.config });
  return openServices(config, {
    store,
    clock: options.clock ?? new ManualClock(),
    log: silentLogger,
    background: options.background ?? false,
  });
}

export interface StoreSuite {
  kind: StoreKind;
  /** The services of this suite's own database; valid inside tests and hooks. */
  services(): Services;
}

/**
 * Runs a suite once per store, each on a database of its own. Tests inside share that database,
 * so they create their own data, or use `inRollback` to leave nothing behind.
 */
export function describeStores(name: string, body: (suite: StoreSuite) => void, options: TestServicesOptions = {}) {
  describe.each(STORE_KINDS)(`${name} [%s]`, (kind) => {
    let services: Services | null = null;
    beforeAll(async () => {
      services = await openTestServices(kind, options);
    });
    afterAll(async () => {
      await services?.close();
    });
    body({
      kind,
      services: () => {
        if (!services) throw new Error("services are not open yet");
        return services;
      },
    });
  });
}

class Rollback extends Error {}

/**
 * Runs a test body in a transaction that is rolled back afterwards: the test sees its own writes,
 * and no other test ever does. Verbs called with this ctx nest as savepoints.
 */
export async function inRollback(ctx: Ctx, body: (tx: Ctx) => Promise<void>): Promise<void> {
  try {
    await ctx.db.transaction(async (db) => {
      await body({ ...ctx, db: db as unknown as Ctx["db"], inTransaction: true, afterCommit: [] });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}
