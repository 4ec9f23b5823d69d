import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../src/kernel/clock";
import { ensureCustomSortIndexes } from "../../src/modules/register";
import { customRangeValue } from "../../src/modules/register/custom-sort-index";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

interface Item {
  givenNames: string;
  surname: string;
  name: string;
}

describe.each(STORE_KINDS)("ordering the lists by a column [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
    const define = (payload: object) => api.call({ method: "POST", url: "/api/custom-attributes", payload });
    for (const payload of [
      { entity: "person", key: "niva", label: "Nivå", type: "choice", choices: ["Brons", "Silver", "Guld"] },
      { entity: "person", key: "poang", label: "Poäng", type: "number" },
      { entity: "person", key: "medlem", label: "Medlem", type: "boolean" },
      { entity: "organization", key: "kredit", label: "Kredit", type: "kronor" },
      { entity: "organization", key: "avtal", label: "Avtal till", type: "date" },
    ]) {
      const response = await define(payload);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
  });
  afterAll(async () => api?.close());

  const clock = () => api.services.clock as ManualClock;
  const createPerson = async (payload: object) => {
    const response = await api.call({ method: "POST", url: "/api/people", payload });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };
  const createOrganization = async (payload: object) => {
    const response = await api.call({ method: "POST", url: "/api/organizations", payload });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };
  /** Every page of the list, a few at a time, following nextCursor: the names in the order shown. */
  const names = async (url: string, limit = 2): Promise<string[]> => {
    const shown: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { status: number; body: { items: Item[]; nextCursor: string | null } } = await api.call({
        url: `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      shown.push(...response.body.items.map((item) => item.name ?? `${item.givenNames} ${item.surname}`));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return shown;
  };

  it("orders people newest first, those registered together by name, across pages", async () => {
    clock().set("2025-03-01T08:00:00Z");
    await createPerson({ givenNames: "Ada", surname: "Öberg", birthDate: "1990-05-01", custom: { niva: "Guld" } });
    clock().set("2025-06-01T08:00:00Z");
    // Registered in the same instant: an import's batch.
    await createPerson({ givenNames: "Cia", surname: "Berg", custom: { niva: "Brons", poang: 12.5, medlem: true } });
    await createPerson({ givenNames: "Bo", surname: "Berg", birthDate: "1950-01-31", custom: { poang: 3 } });
    await createPerson({ givenNames: "Dan", surname: "Alm", birthDate: "1990-05-01", custom: { niva: "Silver" } });
    clock().set("2025-09-01T08:00:00.123456Z");
    await createPerson({ givenNames: "Eva", surname: "Ek", custom: { niva: "Guld", poang: 100, medlem: false } });

    expect(await names("/api/people?sort=-createdAt")).toEqual([
      "Eva Ek",
      "Dan Alm",
      "Bo Berg",
      "Cia Berg",
      "Ada Öberg",
    ]);
    expect(await names("/api/people?sort=createdAt")).toEqual([
      "Ada Öberg",
      "Dan Alm",
      "Bo Berg",
      "Cia Berg",
      "Eva Ek",
    ]);
    expect(await names("/api/people?sort=-name")).toEqual(["Ada Öberg", "Eva Ek", "Cia Berg", "Bo Berg", "Dan Alm"]);
  });

  it("orders people by age, and by a custom attribute as its type orders, those without a value last", async () => {
    // The oldest first; the two born the same day by name; those without a birth date last, by name.
    expect(await names("/api/people?sort=birthDate")).toEqual([
      "Bo Berg",
      "Dan Alm",
      "Ada Öberg",
      "Cia Berg",
      "Eva Ek",
    ]);
    expect(await names("/api/people?sort=-birthDate")).toEqual([
      "Dan Alm",
      "Ada Öberg",
      "Bo Berg",
      "Cia Berg",
      "Eva Ek",
    ]);
    // A choice in the order of its choices, not alphabetically.
    expect(await names("/api/people?sort=custom.niva")).toEqual([
      "Cia Berg",
      "Dan Alm",
      "Eva Ek",
      "Ada Öberg",
      "Bo Berg",
    ]);
    expect(await names("/api/people?sort=-custom.niva")).toEqual([
      "Eva Ek",
      "Ada Öberg",
      "Dan Alm",
      "Cia Berg",
      "Bo Berg",
    ]);
    // Numbers by value (3 before 12.5 before 100), not as text.
    expect(await names("/api/people?sort=custom.poang")).toEqual([
      "Bo Berg",
      "Cia Berg",
      "Eva Ek",
      "Dan Alm",
      "Ada Öberg",
    ]);
    expect(await names("/api/people?sort=-custom.medlem", 1)).toEqual([
      "Cia Berg",
      "Eva Ek",
      "Dan Alm",
      "Bo Berg",
      "Ada Öberg",
    ]);
  });

  it("orders a filtered list and a name search by the column, and exports in that order", async () => {
    expect(await names("/api/people?sort=-custom.poang&filter=custom.niva:not_empty")).toEqual([
      "Eva Ek",
      "Cia Berg",
      "Dan Alm",
      "Ada Öberg",
    ]);
    expect(await names("/api/people?q=berg&sort=custom.poang")).toEqual(["Bo Berg", "Cia Berg", "Ada Öberg"]);
    expect(await names("/api/people?q=berg&sort=-name")).toEqual(["Ada Öberg", "Cia Berg", "Bo Berg"]);
    const exported = await api.call({ url: "/api/people/export.csv?sort=-createdAt" });
    expect(exported.status).toBe(200);
    const rows = exported.raw
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n")
      .slice(1);
    const header = (exported.raw.replace(/^\uFEFF/, "").split("\n")[0] ?? "").split(",");
    const given = header.indexOf("givenNames");
    expect(given).toBeGreaterThan(-1);
    expect(rows.map((row) => row.split(",")[given])).toEqual(["Eva", "Dan", "Bo", "Cia", "Ada"]);
  });

  it("pages a list filtered by a tier or a yes/no in name order, whichever way it is read", async () => {
    // A page the first people by name fill, and one they do not (read through the custom values' index).
    expect(await names("/api/people?filter=custom.niva:eq:Guld", 1)).toEqual(["Eva Ek", "Ada Öberg"]);
    expect(await names("/api/people?filter=custom.niva:eq:Guld", 5)).toEqual(["Eva Ek", "Ada Öberg"]);
    expect(await names("/api/people?filter=custom.medlem:eq:ja", 1)).toEqual(["Cia Berg"]);
    expect(await names("/api/people?filter=custom.medlem:eq:false")).toEqual(["Eva Ek"]);
    expect(await names("/api/people?filter=custom.niva:eq:Guld&filter=custom.poang:gte:50&sort=name", 1)).toEqual([
      "Eva Ek",
    ]);
    // The latest answer counts, however the list finds those who ever gave one.
    const ids = Object.fromEntries(
      (await api.call({ url: "/api/people?limit=10" })).body.items.map((item: Item & { id: string }) => [
        item.givenNames,
        item.id,
      ]),
    );
    const answer = (name: string, status: string) =>
      api.call({
        method: "POST",
        url: `/api/people/${ids[name]}/consents`,
        payload: { purpose: "marketing", channel: "email", status },
      });
    for (const [name, status] of [
      ["Bo", "granted"],
      ["Cia", "granted"],
      ["Cia", "withdrawn"],
      ["Eva", "withdrawn"],
    ] as const) {
      expect((await answer(name, status)).status).toBe(204);
    }
    expect(await names("/api/people?consent=marketing:email:granted", 1)).toEqual(["Bo Berg"]);
    expect(await names("/api/people?consent=marketing:email:withdrawn", 1)).toEqual(["Cia Berg", "Eva Ek"]);
    expect(await names("/api/people?consent=marketing:email:withdrawn&sort=-createdAt")).toEqual([
      "Eva Ek",
      "Cia Berg",
    ]);
    expect(await names("/api/people?consent=marketing:email:none")).toEqual(["Dan Alm", "Ada Öberg"]);
  });

  it("refuses an order it does not know, naming the parameter", async () => {
    const unknownAttribute = await api.call({ url: "/api/people?sort=custom.saknas" });
    expect(unknownAttribute.status).toBe(400);
    expect(unknownAttribute.headers["content-type"]).toContain("application/problem+json");
    expect(unknownAttribute.body.errors).toEqual([
      expect.objectContaining({ field: "sort", code: "unknown_attribute" }),
    ]);
    const unknownField = await api.call({ url: "/api/people?sort=surname" });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].field).toMatch(/sort/);
    // A cursor from one order is not read as another's.
    const first = await api.call({ url: "/api/people?sort=-createdAt&limit=1" });
    const mixed = await api.call({ url: `/api/people?limit=1&cursor=${first.body.nextCursor}` });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0]).toEqual(expect.objectContaining({ field: "cursor", code: "invalid_cursor" }));
  });

  it("orders organisations by a custom amount or date, and by when they were registered", async () => {
    clock().set("2025-10-01T08:00:00Z");
    await createOrganization({ name: "Alfa AB", custom: { kredit: 50000, avtal: "2027-01-31" } });
    clock().set("2025-10-02T08:00:00Z");
    await createOrganization({ name: "Beta AB", custom: { kredit: 250000 } });
    await createOrganization({ name: "Gamma AB", custom: { kredit: 9000.5, avtal: "2026-06-30" } });
    await createOrganization({ name: "Delta AB" });

    expect(await names("/api/organizations?sort=-custom.kredit")).toEqual([
      "Beta AB",
      "Alfa AB",
      "Gamma AB",
      "Delta AB",
    ]);
    expect(await names("/api/organizations?sort=custom.avtal")).toEqual(["Gamma AB", "Alfa AB", "Beta AB", "Delta AB"]);
    expect(await names("/api/organizations?sort=-createdAt")).toEqual(["Beta AB", "Delta AB", "Gamma AB", "Alfa AB"]);
    const unknown = await api.call({ url: "/api/organizations?sort=-custom.niva" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "sort", code: "unknown_attribute" })]);
  });

  it("keeps an index on the very value a list is ordered by, for numbers, amounts, days and text", async () => {
    const db = api.services.store.db;
    const indexes = async () =>
      (
        (await db.execute(
          sql`select indexname from pg_indexes where indexname like 'custom_sort_%' order by indexname`,
        )) as unknown as { rows: Array<{ indexname: string }> }
      ).rows.map((row) => row.indexname);
    // A choice and a yes/no are read by their values (see customSortKey), not by an index.
    expect(await indexes()).toEqual(["custom_sort_o_avtal", "custom_sort_o_kredit", "custom_sort_p_poang"]);
    // The list's own expression is the index's: with a full read ruled out, the plan reads the index.
    const value = customRangeValue(sql`p.custom`, "poang", "number");
    const plan = await api.services.store.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const explained = (await tx.execute(
        sql`explain select p.id from people p where ${value} is not null order by ${value} desc limit 50`,
      )) as unknown as { rows: Array<Record<string, string>> };
      return explained.rows.map((row) => Object.values(row)[0]).join("\n");
    });
    expect(plan).toContain("custom_sort_p_poang");
    // An attribute defined before indexes were kept gets its index at start.
    await db.execute(sql`drop index custom_sort_p_poang`);
    await ensureCustomSortIndexes(db);
    expect(await indexes()).toContain("custom_sort_p_poang");
  });

  it("defines an attribute whose index cannot be built, and leaves no broken index behind", async () => {
    const db = api.services.store.db;
    // Values under a key no attribute had defined, written past the API: not numbers.
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Udda", surname: "Värde" },
    });
    await db.execute(sql`update people set custom = '{"matt": "stor"}'::jsonb where id = ${person.body.id}`);
    const defined = await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "matt", label: "Mått", type: "number" },
    });
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    const left = (await db.execute(
      sql`select c.relname, i.indisvalid from pg_class c join pg_index i on i.indexrelid = c.oid where c.relname = 'custom_sort_p_matt'`,
    )) as unknown as { rows: unknown[] };
    expect(left.rows).toEqual([]);
  });
});
