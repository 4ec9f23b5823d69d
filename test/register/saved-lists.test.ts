import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A seller keeps the lists she uses every week under a name ("Kunder i Visby, nyast först"), and
 * shares one with her colleagues; a colleague uses it but cannot change or delete it.
 */
describe.each(STORE_KINDS)("saved lists [%s]", (kind) => {
  let api: TestApi;
  let sara: { key: string; userId: string };
  let olle: { key: string; userId: string };
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, key: string, payload?: object) =>
    api.call({ method, url, key, ...(payload ? { payload } : {}) });
  const names = async (key: string, entity = "person") =>
    (await call("GET", `/api/saved-lists?entity=${entity}`, key)).body.items.map(
      (item: { name: string; mine: boolean }) => `${item.name}${item.mine ? "" : " (delad)"}`,
    );

  beforeAll(async () => {
    api = await openTestApi(kind);
    sara = await api.keyFor("sales", "sara@example.se");
    olle = await api.keyFor("sales", "olle@example.se");
  });
  afterAll(async () => api?.close());

  it("keeps a list under a name for the one who saved it, and shares it when asked", async () => {
    const saved = await call("POST", "/api/saved-lists", sara.key, {
      entity: "person",
      name: "Kunder i Visby, nyast först",
      query: { city: "Visby", lifecycleStage: "customer", sort: "-createdAt", q: "", consent: [] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({
      entity: "person",
      name: "Kunder i Visby, nyast först",
      query: { city: "Visby", lifecycleStage: "customer", sort: "-createdAt" },
      userId: sara.userId,
      shared: false,
      mine: true,
    });
    // Empty values choose nothing and are not kept.
    expect(Object.keys(saved.body.query).sort()).toEqual(["city", "lifecycleStage", "sort"]);
    // The query opens the list as it was saved.
    const listed = await api.call({ url: `/api/people?${new URLSearchParams(saved.body.query)}`, key: sara.key });
    expect(listed.status).toBe(200);

    expect(await names(sara.key)).toEqual(["Kunder i Visby, nyast först"]);
    expect(await names(olle.key)).toEqual([]);
    expect(await names(sara.key, "organization")).toEqual([]);
    // Hidden from others until shared: changing it is answered as if it did not exist.
    expect((await call("PATCH", `/api/saved-lists/${saved.body.id}`, olle.key, { name: "Min" })).status).toBe(404);

    const shared = await call("PATCH", `/api/saved-lists/${saved.body.id}`, sara.key, { shared: true });
    expect(shared.body.shared).toBe(true);
    await call("POST", "/api/saved-lists", olle.key, {
      entity: "person",
      name: "Mina leads",
      query: { lifecycleStage: "lead" },
    });
    expect(await names(olle.key)).toEqual(["Mina leads", "Kunder i Visby, nyast först (delad)"]);

    // A colleague uses it but may not change or delete it; an admin may.
    const renamed = await call("PATCH", `/api/saved-lists/${saved.body.id}`, olle.key, { name: "Mina" });
    expect(renamed.status).toBe(403);
    expect(renamed.headers["content-type"]).toContain("application/problem+json");
    expect((await call("DELETE", `/api/saved-lists/${saved.body.id}`, olle.key)).status).toBe(403);
    expect(await names(sara.key)).toEqual(["Kunder i Visby, nyast först"]);

    const trail = await api.call({ url: `/api/audit-log?entity=saved_list&entityId=${saved.body.id}` });
    expect(trail.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
      "saved_list.create",
      "saved_list.update",
    ]);
    expect((await call("DELETE", `/api/saved-lists/${saved.body.id}`, api.adminKey)).status).toBe(204);
    expect(await names(olle.key)).toEqual(["Mina leads"]);
  });

  it("gives a saved list the list as it is now, and renames it", async () => {
    const saved = await call("POST", "/api/saved-lists", sara.key, {
      entity: "organization",
      name: "Stora bolag",
      query: { sort: "-employees" },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const updated = await call("PATCH", `/api/saved-lists/${saved.body.id}`, sara.key, {
      name: "Stora bolag i Visby",
      query: { sort: "-employees", city: "Visby" },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ name: "Stora bolag i Visby", query: { sort: "-employees", city: "Visby" } });
  });

  it("refuses what would not open as a list, a name used twice, and a stranger's list", async () => {
    await call("POST", "/api/saved-lists", sara.key, { entity: "person", name: "Guld", query: {} });
    for (const [payload, field, code] of [
      [{ entity: "person", name: "  ", query: {} }, "name", "too_small"],
      [{ entity: "person", name: "guld", query: {} }, "name", "duplicate"],
      [{ entity: "person", name: "X", query: { filter: "custom.okand:eq:1" } }, "query.filter.0", "unknown_attribute"],
      [{ entity: "person", name: "X", query: { stad: "Visby" } }, "query.stad", "unknown_field"],
      [{ entity: "person", name: "X", query: { cursor: "abc" } }, "query.cursor", "unknown_field"],
      [{ entity: "person", name: "X", query: { sort: "kundniva" } }, "query.sort", undefined],
      [{ entity: "person", name: "X", query: { city: 5 } }, "query.city", undefined],
      [{ entity: "order", name: "X", query: {} }, "entity", undefined],
      [{ entity: "person", name: "X".repeat(81), query: {} }, "name", "too_big"],
    ] as const) {
      const response = await call("POST", "/api/saved-lists", sara.key, payload);
      expect(response.status, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(payload)).toBeLessThan(500);
      expect(response.body.errors, JSON.stringify(response.body)).toContainEqual(
        expect.objectContaining({ field, ...(code ? { code } : {}) }),
      );
    }
    expect(await names(sara.key)).toEqual(["Guld"]);
    const unknown = await call("PATCH", `/api/saved-lists/${crypto.randomUUID()}`, sara.key, { name: "Y" });
    expect(unknown.status).toBe(404);
    expect((await call("GET", "/api/saved-lists", sara.key)).status).toBe(400);
    expect((await api.call({ url: "/api/saved-lists?entity=person", key: "fel" })).status).toBe(401);
  });
});
