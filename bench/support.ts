import { execFileSync } from "node:child_process";
import os from "node:os";
import pg from "pg";
import pino from "pino";
import { openServices, type Services } from "../src/app/services";
import { openStore, type Store } from "../src/db/client";
import type { StoreKind } from "../src/db/types";
import { loadConfig } from "../src/kernel/config";

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (samples: number[]) => percentile(samples, 50);

/** A fresh database of the given kind for one benchmark run. */
export async function openBenchServices(
  kind: StoreKind,
  name: string,
): Promise<{ services: Services; store: Store; drop(): Promise<void> }> {
  const log = pino({ level: "warn" });
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: BENCH_PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(BENCH_PG_URL);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString(), poolSize: 8 });
    const services = await openServices(loadConfig({ LOG_LEVEL: "warn", JOBS: "false" }), {
      store,
      log,
      background: false,
    });
    return {
      services,
      store,
      drop: async () => {
        await services.close();
        const dropper = new pg.Client({ connectionString: BENCH_PG_URL });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dir = `${os.tmpdir()}/${name}`;
  execFileSync("rm", ["-rf", dir]);
  const store = await openStore({ dataDir: dir });
  const services = await openServices(loadConfig({ LOG_LEVEL: "warn", JOBS: "false" }), {
    store,
    log,
    background: false,
  });
  return {
    services,
    store,
    drop: async () => {
      await services.close();
      execFileSync("rm", ["-rf", dir]);
    },
  };
}

export function pgUrlFor(name: string): string {
  const url = new URL(BENCH_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
