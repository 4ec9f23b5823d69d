import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "../../src/db/client";
import type { StoreKind } from "../../src/db/types";

/** Every store-touching test runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

let dump: Blob | null = null;

/** A fresh, migrated database of its own: a PGlite copy, or a PostgreSQL database from the template. */
export async function openTestStore(kind: StoreKind): Promise<Store> {
  if (kind === "pglite") {
    dump ??= new Blob([readFileSync(inject("pgliteTemplate"))]);
    return openStore({ dataDir: "memory://", loadDataDir: dump });
  }
  const { url, drop } = await createTestDatabase();
  const store = await openStore({ databaseUrl: url, poolSize: 5 });
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await close();
      await drop();
    },
  };
}

/** A new PostgreSQL database copied from the migrated template, for tests that need a URL. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) throw new Error("TEST_DATABASE_URL is not set");
  const name = `lh_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
