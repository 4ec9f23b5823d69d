import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** A Drizzle handle on either store, or a transaction on one: verbs never care which. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type StoreKind = "pglite" | "postgres";
