import { concurrentWriters, isWriteCollision } from "../db/bulk";
import type { Ctx } from "../kernel/ctx";
import { commitPeopleBatch, type TImportBatchResult, type TPreparedPeopleBatch } from "../modules/register";

/** A batch being written: whom it names, and when it is written and when counted. */
interface TInFlight {
  keys: Set<string>;
  written: Promise<unknown>;
  counted: Promise<void>;
}

/**
 * Writes the prepared batches of one people import, counting each result in file order. On a
 * PostgreSQL server two batches are written at once, each in its own transaction on its own
 * connection: one backend per core, where one alone left the second core idle (+39 % rows per
 * second at 100 000 people, +63 % at a million). Two batches naming the same customer (external id, personnummer or register id)
 * are written one after the other, so a later row still wins; a batch that conflicts all the same
 * (another import created the customer meanwhile) is written again, and finds them. The embedded
 * store has one connection, and a trial run one transaction: there batches go one at a time.
 */
export class PeopleBatchWriter {
  readonly #ctx: Ctx;
  readonly #writers: number;
  readonly #count: (result: TImportBatchResult) => void;
  /** Batches started and not yet counted, oldest first. */
  #inFlight: TInFlight[] = [];

  constructor(ctx: Ctx, options: { oneAtATime: boolean }, count: (result: TImportBatchResult) => void) {
    this.#ctx = ctx;
    this.#writers = options.oneAtATime ? 1 : concurrentWriters(ctx.db);
    this.#count = count;
  }

  /**
   * Starts writing a batch, once fewer than the writers are being written. Resolves when it has
   * started; a failure surfaces from `finish` or a later `write`.
   */
  async write(prepared: TPreparedPeopleBatch): Promise<void> {
    while (this.#inFlight.length >= this.#writers) {
      await this.#inFlight[0]?.counted;
      this.#inFlight.shift();
    }
    const commit = () => commitPeopleBatch(this.#ctx, prepared);
    const others = [...this.#inFlight];
    const keys = customersNamed(prepared);
    const afterOthers = () => Promise.all(others.map((other) => other.written)).then(commit);
    let written: Promise<TImportBatchResult>;
    if (this.#writers === 1) written = commit();
    else if (others.some((other) => [...keys].some((key) => other.keys.has(key)))) written = afterOthers();
    else {
      written = commit().catch((error: unknown) => {
        // The other transaction has committed by the time PostgreSQL reports the conflict.
        if (!isWriteCollision(error)) throw error;
        return afterOthers();
      });
    }
    const counted = (others.at(-1)?.counted ?? Promise.resolve()).then(() => written).then(this.#count);
    // Marked as handled now; the failure still surfaces where `counted` is awaited.
    written.catch(() => {});
    counted.catch(() => {});
    this.#inFlight.push({ keys, written, counted });
  }

  /** Waits until every batch is written and counted; throws the first failure. */
  async finish(): Promise<void> {
    await this.#inFlight.at(-1)?.counted;
  }
}

/** Every name a batch gives its customers: a batch that shares one waits for the other. */
function customersNamed(prepared: TPreparedPeopleBatch): Set<string> {
  const keys = new Set<string>();
  for (const row of prepared.valid) {
    if (row.externalId) keys.add(`external:${row.externalId}`);
    if (row.personnummer) keys.add(`personnummer:${row.personnummer.personnummer}`);
    if (row.personId) keys.add(`id:${row.personId}`);
  }
  return keys;
}
