import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("support cases over the API [%s]", (kind) => {
  let api: TestApi;
  const clock = new ManualClock("2026-11-02T08:00:00Z");
  const person = async (givenNames: string, surname: string, email: string) => {
    const response = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames, surname, emails: [{ address: email }] },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const open = (payload: Record<string, unknown>, key?: string) =>
    api.call({ method: "POST", url: "/api/cases", payload, ...(key ? { key } : {}) });

  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
  });
  afterAll(async () => api?.close());

  it("opens a case for a customer and shows it with its history", async () => {
    const personId = await person("Maja", "Sjöberg", "maja@example.se");
    const opened = await open({
      personId,
      subject: "Paketet kom trasigt",
      description: "Kartongen var blöt",
      category: "delivery",
      channel: "phone",
      priority: "high",
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      personId,
      status: "new",
      line: 1,
      priority: "high",
      channel: "phone",
      category: "delivery",
      openedAt: "2026-11-02T08:00:00.000Z",
      events: [{ kind: "opened" }],
    });
    expect(opened.body.number).toBeGreaterThan(0);
    const fetched = await api.call({ url: `/api/cases/${opened.body.id}` });
    expect(fetched.body).toMatchObject({ id: opened.body.id, subject: "Paketet kom trasigt" });
    const listed = await api.call({ url: `/api/cases?personId=${personId}&status=new,open` });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([opened.body.id]);
  });

  it("answers bad input with problem details naming each field", async () => {
    const bad = await open({ subject: "", category: "klagomål.extra", priority: "asap", line: 3 });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(bad.body.code).toBe("validation_failed");
    const fields = bad.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["subject", "category", "priority", "line"]));
    const missing = await api.call({ url: "/api/cases/0190a0a0-0000-7000-8000-000000000000" });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
    const salesKey = (await api.keyFor("sales")).key;
    const forbidden = await open(
      { organizationId: "0190a0a0-0000-7000-8000-000000000001", subject: "x", category: "x" },
      salesKey,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe("forbidden");
  });

  it("follows the allowed status changes and refuses a closed case going back to new", async () => {
    const personId = await person("Olle", "Berg", "olle@example.se");
    const { body: opened } = await open({ personId, subject: "Fel belopp", category: "billing" });
    const patch = (payload: Record<string, unknown>) =>
      api.call({ method: "PATCH", url: `/api/cases/${opened.id}`, payload });
    const handler = await api.keyFor("support");
    expect((await patch({ status: "open", assigneeId: handler.userId })).body).toMatchObject({ status: "open" });
    clock.set("2026-11-02T12:00:00Z");
    const resolved = await patch({ status: "resolved", note: "Krediterat 120 kr" });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedAt: "2026-11-02T12:00:00.000Z" });
    const closed = await patch({ status: "closed" });
    expect(closed.body).toMatchObject({ status: "closed", resolvedAt: "2026-11-02T12:00:00.000Z" });
    const back = await patch({ status: "new" });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ code: "conflict", errors: [{ field: "status", code: "invalid_transition" }] });
    const kinds = (await api.call({ url: `/api/cases/${opened.id}` })).body.events.map(
      (event: { kind: string }) => event.kind,
    );
    expect(kinds).toEqual(["opened", "status_changed", "assigned", "status_changed", "note", "status_changed"]);
  });

  it("escalates a first-line case to second line and another team", async () => {
    const personId = await person("Eva", "Lund", "eva@example.se");
    const team = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Tekniker" } });
    const teamId = team.body.id as string;
    const { body: opened } = await open({ personId, subject: "Routern startar inte", category: "technical" });
    const escalated = await api.call({
      method: "POST",
      url: `/api/cases/${opened.id}/escalate`,
      payload: { teamId, reason: "Behöver tekniker på plats" },
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ line: 2, escalationLevel: 1, teamId });
    expect(escalated.body.events.at(-1)).toMatchObject({ kind: "escalated", data: { fromLine: 1, toLine: 2 } });
    const again = await api.call({ method: "POST", url: `/api/cases/${opened.id}/escalate` });
    expect(again.body).toMatchObject({ line: 2, escalationLevel: 2, teamId });
    const secondLine = await api.call({ url: `/api/cases?line=2&teamId=${teamId}` });
    expect(secondLine.body.items.map((item: { id: string }) => item.id)).toEqual([opened.id]);
  });

  it("gives a case only to a team that exists and a handler who is an active user", async () => {
    const personId = await person("Gun", "Kö", "gun@example.se");
    const nobody = "0190a0a0-0000-7000-8000-0000000000aa";
    const fieldsOf = (body: { errors: Array<{ field: string; code: string }> }) =>
      body.errors.map((error) => `${error.field}:${error.code}`);
    // Before, any id was taken, and the case waited in a queue nobody has.
    const opened = await open({
      personId,
      subject: "Ingen kö",
      category: "billing",
      teamId: nobody,
      assigneeId: nobody,
    });
    expect(opened.status).toBe(400);
    expect(fieldsOf(opened.body)).toEqual(["teamId:unknown_team", "assigneeId:unknown_user"]);
    expect((await api.call({ url: `/api/cases?personId=${personId}` })).body.items).toEqual([]);

    const { body: real } = await open({ personId, subject: "Riktig kö", category: "billing" });
    const leaving = await api.keyFor("support");
    expect(
      (await api.call({ method: "PATCH", url: `/api/users/${leaving.userId}`, payload: { active: false } })).status,
    ).toBe(200);
    const moved = await api.call({
      method: "PATCH",
      url: `/api/cases/${real.id}`,
      payload: { assigneeId: leaving.userId },
    });
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved.body)).toEqual(["assigneeId:inactive_user"]);
    const escalated = await api.call({
      method: "POST",
      url: `/api/cases/${real.id}/escalate`,
      payload: { teamId: nobody },
    });
    expect(escalated.status).toBe(400);
    expect(fieldsOf(escalated.body)).toEqual(["teamId:unknown_team"]);
    const after = await api.call({ url: `/api/cases/${real.id}` });
    expect(after.body).toMatchObject({ line: 1, escalationLevel: 0, teamId: null, assigneeId: null });
  });

  it("shows cases in the person's 360° timeline beside other entries, and filters them by kind", async () => {
    const personId = await person("Stig", "Holm", "stig@example.se");
    await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId, kind: "call", subject: "Ringde om fakturan", occurredAt: "2026-10-01T09:00:00Z" },
    });
    const { body: opened } = await open({
      personId,
      subject: "Faktura saknas",
      category: "billing",
      openedAt: "2026-10-02T09:00:00Z",
    });
    const view = await api.call({ url: `/api/people/${personId}/360` });
    expect(view.body.timeline.items.map((item: { kind: string }) => item.kind)).toEqual(["case", "call"]);
    expect(view.body.timeline.items[0]).toMatchObject({
      id: opened.id,
      title: `Case ${opened.number}: Faktura saknas`,
      source: "cases",
      data: { category: "billing", status: "new", line: 1 },
    });
    expect(view.body.timeline.kinds).toContain("case");
    const onlyCases = await api.call({ url: `/api/people/${personId}/timeline?kinds=case` });
    expect(onlyCases.body.items.map((item: { id: string }) => item.id)).toEqual([opened.id]);
  });

  it("moves a merged person's cases to the survivor, and back on unmerge", async () => {
    const survivor = await person("Karin", "Ek", "karin.ek@example.se");
    const duplicate = await person("Karin", "Ek", "karin.ek@example.com");
    const { body: opened } = await open({ personId: duplicate, subject: "Reklamation", category: "complaint" });
    const merge = await api.call({
      method: "POST",
      url: `/api/people/${survivor}/merge`,
      payload: { otherId: duplicate },
    });
    expect(merge.status).toBe(200);
    expect((await api.call({ url: `/api/cases/${opened.id}` })).body.personId).toBe(survivor);
    expect((await api.call({ url: `/api/cases?personId=${survivor}` })).body.items).toHaveLength(1);
    const undo = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(undo.status).toBe(200);
    expect((await api.call({ url: `/api/cases/${opened.id}` })).body.personId).toBe(duplicate);
  });

  it("includes cases in the data export, and erasure cuts them loose", async () => {
    const personId = await person("Greta", "Nilsson", "greta.n@example.se");
    const { body: opened } = await open({ personId, subject: "Greta vill byta adress", category: "question" });
    const exported = await api.call({ url: `/api/people/${personId}/data-export` });
    expect(exported.body.cases).toEqual([
      expect.objectContaining({ id: opened.id, subject: "Greta vill byta adress" }),
    ]);
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${personId}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erased.body).toMatchObject({ cases: 1 });
    const after = await api.call({ url: `/api/cases/${opened.id}` });
    expect(after.body).toMatchObject({ personId: null, subject: "(raderat)", category: "question" });
  });

  it("documents the case API in OpenAPI", async () => {
    const document = await api.app.inject({ url: "/api/openapi.json" });
    const paths = document.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["/api/cases", "/api/cases/{id}", "/api/cases/{id}/escalate"]),
    );
    expect(paths["/api/cases"].post.requestBody.content["application/json"].schema.properties.category).toBeDefined();
  });
});
