import type { Logger } from "pino";
import type { Db } from "../db/types";
import type { Actor } from "./actor";
import type { Clock } from "./clock";
import { uuidv7 } from "./ids";

/**
 * What every verb receives: who is asking, what time it is, and the database handle, which is
 * a transaction once inside `withTransaction`.
 */
export interface Ctx {
  actor: Actor;
  clock: Clock;
  db: Db;
  log: Logger;
  requestId: string | null;
  /** True inside `withTransaction`: nested calls join the outer transaction. */
  inTransaction: boolean;
  /** Hooks to run once the outermost transaction has committed. */
  afterCommit: Array<() => void>;
  /** Told after a commit that wrote domain events, so the dispatcher need not wait to poll. */
  onEventsCommitted?: () => void;
}

export interface CtxBase {
  clock: Clock;
  db: Db;
  log: Logger;
  onEventsCommitted?: () => void;
}

export function createCtx(base: CtxBase, actor: Actor, requestId: string | null = null): Ctx {
  return { ...base, actor, requestId, inTransaction: false, afterCommit: [] };
}

export function newId(ctx: Pick<Ctx, "clock">): string {
  return uuidv7(ctx.clock.now().getTime());
}

/**
 * Runs `work` in one transaction. The audit entry and the outbox events a verb writes share it
 * with the change itself, so none exists without the others. Nested calls become savepoints: a
 * failing inner verb rolls back its own part and leaves the caller free to recover.
 */
export async function withTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) {
    return ctx.db.transaction((db) => work({ ...ctx, db: db as unknown as Db }));
  }
  const afterCommit: Array<() => void> = [];
  const result = await ctx.db.transaction((db) =>
    work({ ...ctx, db: db as unknown as Db, inTransaction: true, afterCommit }),
  );
  for (const hook of afterCommit) {
    try {
      hook();
    } catch (error) {
      ctx.log.error({ err: error }, "after-commit hook failed");
    }
  }
  return result;
}
