import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openStore, type Store } from "../../src/db/client";
import { migrateStore } from "../../src/db/migrate";
import { JobQueue } from "../../src/kernel/jobs";
import { silentLogger } from "./logger";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/** Installs the job queue's own tables too, so each test database starts complete. */
async function prepare(store: Store): Promise<void> {
  await migrateStore(store);
  const jobs = new JobQueue(store, silentLogger);
  await jobs.start({ work: false });
  await jobs.stop(1_000);
}

/**
 * Migrates one template per store before any test runs. Each test file then starts from a copy:
 * a PGlite loaded from a dump, or a PostgreSQL database created from the template.
 */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  const pglite = await openStore({ dataDir: "memory://" });
  await prepare(pglite);
  const dump = await pglite.pglite?.dumpDataDir("none");
  await pglite.close();
  if (!dump) throw new Error("PGlite dump failed");
  const dumpPath = join(tmpdir(), `lanthandel-test-${runId}.tar`);
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `lh_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const store = await openStore({ databaseUrl: templateUrl.toString(), poolSize: 2 });
    await prepare(store);
    await store.close();
  }
  project.provide("postgresTemplate", template);

  return async () => {
    rmSync(dumpPath, { force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}
