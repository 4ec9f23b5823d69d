import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Store } from "../src/db/client";
import { pgUrlFor } from "./support";

/**
 * The peer of every import benchmark: the same CSV file loaded with `psql \copy` into a table of
 * text columns without indexes (on PGlite, `COPY … FROM '/dev/blob'`). Returns the milliseconds.
 */
export async function copyCsv(store: Store, dbName: string, csvPath: string): Promise<number> {
  const header = readFileSync(csvPath, "utf8").split("\n", 1)[0] ?? "";
  const columns = header.split(",").map((_, index) => `c${index} text`);
  await store.db.execute(sql.raw(`create table copy_baseline (${columns.join(", ")})`));
  try {
    if (store.kind === "postgres") {
      const started = performance.now();
      execFileSync("psql", [
        pgUrlFor(dbName),
        "-q",
        "-c",
        `\\copy copy_baseline from '${csvPath}' with (format csv, header)`,
      ]);
      return performance.now() - started;
    }
    const blob = new Blob([readFileSync(csvPath)]);
    const started = performance.now();
    await store.pglite?.query("copy copy_baseline from '/dev/blob' with (format csv, header)", [], { blob });
    return performance.now() - started;
  } finally {
    await store.db.execute(sql.raw("drop table copy_baseline"));
  }
}
