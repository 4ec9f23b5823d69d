import { fileURLToPath } from "node:url";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Store } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** A number fixed for the project: every process that migrates takes this advisory lock. */
const MIGRATION_LOCK = 7_431_902_118;

/**
 * Applies the drizzle-kit migrations. On PostgreSQL several API processes may start together, so
 * they queue on a session advisory lock and the later ones find nothing left to do.
 */
export async function migrateStore(store: Store): Promise<void> {
  if (store.kind === "pglite") {
    await migratePglite(store.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: store.connectionString });
  await client.connect();
  try {
    await client.query("set client_min_messages = warning");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
