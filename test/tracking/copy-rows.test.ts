import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyClient, copyRows, insertJsonRows } from "../../src/db/bulk";
import type { Store } from "../../src/db/client";
import { queryRows } from "../../src/db/rows";
import { openTestStore, STORE_KINDS } from "../support/stores";

// Events are written with COPY on PostgreSQL and as a JSON array of rows on PGlite: whatever a
// sender puts in a text or a payload (tabs, line breaks, backslashes, quotes, \N, emoji,
// escapes in JSON) must come back exactly as the JSON path stores it.

const COLUMNS = {
  id: "int",
  label: "text",
  at: "timestamptz",
  flag: "boolean",
  payload: "json",
  doc: "jsonb",
  parts: "smallint[]",
  tags: "text[]",
};

const ROWS = [
  {
    id: 1,
    label: "tab\there, line\nbreak, cr\rand back\\slash, \\N and \\t as text",
    at: "2026-11-23T04:00:00.123Z",
    flag: true,
    payload: { text: 'quote " and \\ and \n and \t', emoji: "😀", deep: { list: [1, "två", null] } },
    doc: { åäö: "Ö\\Ä", n: 1.5 },
    parts: [2, 1],
    tags: ['a "quoted", {braced} one', "back\\slash", "tab\there", "", "NULL"],
  },
  {
    id: 2,
    label: null,
    at: new Date("2026-01-01T00:00:00Z"),
    flag: false,
    payload: null,
    doc: null,
    parts: null,
    tags: [],
  },
  {
    id: 3,
    label: "",
    at: "2026-11-23T04:00:00Z",
    flag: null,
    payload: "just a string",
    doc: [],
    parts: [],
    tags: ["x", null],
  },
];

describe.each(STORE_KINDS)("bulk rows: COPY and the JSON array store the same [%s]", (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
    for (const table of ["copied", "unpacked"]) {
      await store.db.execute(
        sql.raw(
          `create table ${table} (id int, label text, at timestamptz, flag boolean, payload json, doc jsonb, parts smallint[], tags text[])`,
        ),
      );
    }
  });
  afterAll(async () => {
    await store.close();
  });

  const read = (table: string) =>
    queryRows<Record<string, unknown>>(
      store.db,
      sql.raw(`select id, label, at, flag, payload::text as payload, doc, parts, tags from ${table} order by id`),
    );

  it("gives back every value as written, inside a transaction and outside one", async () => {
    await store.db.transaction(async (tx) => {
      // On a PostgreSQL server the rows must really go through COPY, not the fallback.
      expect(copyClient(tx as never) !== null).toBe(kind === "postgres");
      await copyRows(tx as never, "copied", COLUMNS, ROWS, "json");
    });
    expect(copyClient(store.db)).toBeNull();
    await insertJsonRows(store.db, "unpacked", COLUMNS, ROWS, sql``, "json");
    const copied = await read("copied");
    expect(copied).toEqual(await read("unpacked"));
    expect(copied[0]?.label).toBe(ROWS[0]?.label);
    expect(JSON.parse(copied[0]?.payload as string)).toEqual(ROWS[0]?.payload);
    expect(copied[0]?.doc).toEqual({ åäö: "Ö\\Ä", n: 1.5 });
    expect(copied[0]?.parts).toEqual([2, 1]);
    expect(copied[0]?.tags).toEqual(ROWS[0]?.tags);
    expect(copied[2]?.tags).toEqual(["x", null]);
    expect(copied[1]).toMatchObject({ label: null, flag: false, payload: null, doc: null });
    expect(copied[2]).toMatchObject({ label: "", flag: null, payload: '"just a string"', doc: [] });
  });

  it("fails the transaction on a value the column refuses, leaving nothing behind", async () => {
    const before = await read("copied");
    await expect(
      store.db.transaction(async (tx) => {
        await copyRows(tx as never, "copied", COLUMNS, [{ ...ROWS[1], id: 9, at: "not a time" }]);
      }),
    ).rejects.toThrow();
    expect(await read("copied")).toEqual(before);
  });
});
