import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./lock";
import type { Db, StoreKind } from "./types";

export interface Store {
  kind: StoreKind;
  db: Db;
  /** The raw PGlite instance, when embedded; pg-boss talks to it through its own adapter. */
  pglite?: PGlite;
  /** The connection string, when on a PostgreSQL server. */
  connectionString?: string;
  /** A human description for logs: never contains a password. */
  describe: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded store; `memory://` opens a throw-away in-memory one. */
  dataDir?: string;
  /** A tarball made by `PGlite.dumpDataDir`, to start from a prepared database (tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? "./data", options.loadDataDir);
}

async function openPostgres(connectionString: string, max: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its server must not take the process down.
  pool.on("error", () => {});
  const db = drizzlePostgres({ client: pool }) as unknown as Db;
  const url = new URL(connectionString);
  return {
    kind: "postgres",
    db,
    connectionString,
    describe: `postgresql://${url.host}${url.pathname}`,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob | File): Promise<Store> {
  const inMemory = dataDir.startsWith("memory://");
  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (!inMemory) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    lock = lockDataDir(dir);
    pgDir = resolve(dir, "pg");
  }
  try {
    const pglite = await PGlite.create({
      ...(pgDir ? { dataDir: pgDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      // Trigram indexes serve fuzzy search; PostgreSQL ships the same extension in contrib.
      extensions: { pg_trgm },
    });
    // The embedded store runs every transaction in this thread, so a new 16 MB WAL segment
    // filled with zeroes held up every request behind it (stalls of 50-100 ms every couple of
    // seconds under load). WAL records are written and synced all the same; only the
    // preallocation is skipped, as PostgreSQL allows for file systems that gain nothing from it.
    await pglite.exec("set wal_init_zero = off");
    const db = drizzlePglite({ client: pglite }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      pglite,
      describe: inMemory ? "embedded (in memory)" : `embedded at ${pgDir}`,
      ping: async () => {
        await pglite.query("select 1");
      },
      close: async () => {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
