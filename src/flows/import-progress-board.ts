import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { importProgress } from "../db/platform-schema";
import type { Db } from "../db/types";
import { AppError } from "../kernel/errors";
import type { TImportProgressUpdate } from "./import-csv";

export const ZImportProgressState = z.object({
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  bytesRead: z.number().int().describe("Bytes of the file read so far; with the file's size, how far the import is"),
  done: z.boolean().describe("The import has ended; its report is the answer to its own request"),
});
export type TImportProgressState = z.infer<typeof ZImportProgressState>;

interface Entry {
  owner: string;
  progress: TImportProgressState;
  /** When it ended (performance.now()), or null while it runs. */
  endedAt: number | null;
  /** The write of its progress to the shared table under way, if any, and whether newer figures wait. */
  writing: Promise<void> | null;
  dirty: boolean;
}

/** How long an ended import's last figures can still be read: the app's last poll comes after. */
const KEEP_ENDED_MS = 10 * 60_000;

const notFollowed = () =>
  new AppError("not_found", "No import is followed under this id", {
    fields: [{ field: "id", code: "not_found", message: "No import is followed under this id" }],
  });

/**
 * Where an import sent from the app has got to, while its request is still being answered: the
 * file streams through the import in batches, and the app asks every half second how far. Each
 * entry is kept under its owner (the digest of the credential that started it) and readable only
 * with it. The process that received the file holds the figures and answers from memory, also
 * while a trial run holds the embedded store's one connection. On a PostgreSQL server (`shared`)
 * it also writes them to a table after each batch, without the import waiting for the write, so
 * that a poll reaching another API process behind a load balancer is answered too.
 */
export class ImportProgressBoard {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly shared: Db | null = null,
    readonly maxEntries = 1_000,
  ) {}

  /** Registers an import under the id its caller chose; the function it returns takes its progress. */
  async start(id: string, owner: string): Promise<(progress: TImportProgressUpdate) => void> {
    this.#forgetEnded();
    const inUse = new AppError("conflict", "An import with this progress id is already followed", {
      fields: [{ field: "progressId", code: "in_use", message: "Choose a new progress id for each import" }],
    });
    if (this.#entries.has(id)) throw inUse;
    if (this.#entries.size >= this.maxEntries) {
      throw new AppError("rate_limited", "Too many imports are being followed at once; try again shortly");
    }
    if (this.shared) {
      const claimed = await this.shared
        .insert(importProgress)
        .values({ id, owner, updatedAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ id: importProgress.id });
      if (claimed.length === 0) throw inUse;
    }
    const entry: Entry = {
      owner,
      progress: { rowsRead: 0, created: 0, updated: 0, unchanged: 0, failed: 0, bytesRead: 0, done: false },
      endedAt: null,
      writing: null,
      dirty: false,
    };
    this.#entries.set(id, entry);
    return (progress) => {
      entry.progress = { ...progress, done: false };
      this.#share(id, entry);
    };
  }

  /** Marks the import ended, however it ended; its last figures stay readable a while. */
  async end(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry) return;
    entry.progress = { ...entry.progress, done: true };
    entry.endedAt = performance.now();
    this.#share(id, entry);
    await entry.writing;
  }

  /** The import's progress, for whoever started it: to anyone else it does not exist. */
  async read(id: string, owner: string): Promise<TImportProgressState> {
    const entry = this.#entries.get(id);
    if (entry) {
      if (entry.owner !== owner) throw notFollowed();
      return entry.progress;
    }
    if (!this.shared) throw notFollowed();
    const [row] = await this.shared
      .select({
        owner: importProgress.owner,
        rowsRead: importProgress.rowsRead,
        created: importProgress.created,
        updated: importProgress.updated,
        unchanged: importProgress.unchanged,
        failed: importProgress.failed,
        bytesRead: importProgress.bytesRead,
        done: importProgress.done,
        quietMs: sql<number>`(extract(epoch from now() - ${importProgress.updatedAt}) * 1000)::float8`,
      })
      .from(importProgress)
      .where(eq(importProgress.id, id));
    if (!row || row.owner !== owner || (row.done && row.quietMs > KEEP_ENDED_MS)) throw notFollowed();
    const { owner: _owner, quietMs, ...progress } = row;
    // An import runs a batch in seconds: one whose figures stood still this long ended with its
    // process, and its request with it.
    return { ...progress, done: progress.done || quietMs > KEEP_ENDED_MS };
  }

  /** Writes the entry's latest figures to the shared table: one write at a time, the newest last. */
  #share(id: string, entry: Entry): void {
    const shared = this.shared;
    if (!shared) return;
    entry.dirty = true;
    if (entry.writing) return;
    entry.writing = (async () => {
      try {
        while (entry.dirty) {
          entry.dirty = false;
          await shared
            .update(importProgress)
            .set({ ...entry.progress, updatedAt: sql`now()` })
            .where(eq(importProgress.id, id));
        }
      } catch {
        // Progress is a courtesy to the app: an import never fails for want of it.
        entry.dirty = false;
      }
      entry.writing = null;
    })();
  }

  #forgetEnded(): void {
    const now = performance.now();
    for (const [id, entry] of this.#entries) {
      if (entry.endedAt !== null && now - entry.endedAt > KEEP_ENDED_MS) this.#entries.delete(id);
    }
  }
}
