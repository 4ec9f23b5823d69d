import { z } from "zod";
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
}

/** How long an ended import's last figures can still be read: the app's last poll comes after. */
const KEEP_ENDED_MS = 10 * 60_000;

/**
 * Where an import sent from the app has got to, while its request is still being answered: the
 * file streams through the import in batches, and the app asks every half second how far. Held in
 * this process, as the import itself runs in the process that received the file; each entry is
 * kept under its owner (the digest of the credential that started it) and readable only with it.
 */
export class ImportProgressBoard {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly maxEntries = 1_000) {}

  /** Registers an import under the id its caller chose; the function it returns takes its progress. */
  start(id: string, owner: string): (progress: TImportProgressUpdate) => void {
    this.#forgetEnded();
    if (this.#entries.has(id)) {
      throw new AppError("conflict", "An import with this progress id is already followed", {
        fields: [{ field: "progressId", code: "in_use", message: "Choose a new progress id for each import" }],
      });
    }
    if (this.#entries.size >= this.maxEntries) {
      throw new AppError("rate_limited", "Too many imports are being followed at once; try again shortly");
    }
    const entry: Entry = {
      owner,
      progress: { rowsRead: 0, created: 0, updated: 0, unchanged: 0, failed: 0, bytesRead: 0, done: false },
      endedAt: null,
    };
    this.#entries.set(id, entry);
    return (progress) => {
      entry.progress = { ...progress, done: false };
    };
  }

  /** Marks the import ended, however it ended; its last figures stay readable a while. */
  end(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    entry.progress = { ...entry.progress, done: true };
    entry.endedAt = performance.now();
  }

  /** The import's progress, for whoever started it: to anyone else it does not exist. */
  read(id: string, owner: string): TImportProgressState {
    const entry = this.#entries.get(id);
    if (!entry || entry.owner !== owner) {
      throw new AppError("not_found", "No import is followed under this id", {
        fields: [{ field: "id", code: "not_found", message: "No import is followed under this id" }],
      });
    }
    return entry.progress;
  }

  #forgetEnded(): void {
    const now = performance.now();
    for (const [id, entry] of this.#entries) {
      if (entry.endedAt !== null && now - entry.endedAt > KEEP_ENDED_MS) this.#entries.delete(id);
    }
  }
}
