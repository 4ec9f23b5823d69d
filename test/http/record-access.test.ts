import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * Record-level access beyond the person's own fields: erasure, the timeline (activities,
 * documents, tasks), orders ("sales: write own, read team"), the duplicate check and the privacy
 * export, driven as a seller of one team against customers of another.
 */
describe.each(STORE_KINDS)("record-level access [%s]", (kind) => {
  let api: TestApi;
  let sellerA: { key: string; userId: string };
  let sellerB: { key: string; userId: string };
  let readOnly: { key: string; userId: string };
  let customerOfB: string;
  let customerOfA: string;

  const seller = async (team: string, email: string) => {
    const user = await api.call({
      method: "POST",
      url: "/api/users",
      payload: { email, name: email, password: "test password 123", role: "sales", teamIds: [team] },
    });
    expect(user.status).toBe(201);
    const key = await api.call({
      method: "POST",
      url: "/api/api-keys",
      payload: { name: "test", userId: user.body.id },
    });
    expect(key.status).toBe(201);
    return { key: key.body.key as string, userId: user.body.id as string };
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
    const teamA = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Syd" } });
    const teamB = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Norr" } });
    sellerA = await seller(teamA.body.id, "anna@example.se");
    sellerB = await seller(teamB.body.id, "bo@example.se");
    readOnly = await api.keyFor("read_only");
    const b = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Berit", surname: "Norrman", ownerTeamId: teamB.body.id },
    });
    expect(b.status).toBe(201);
    customerOfB = b.body.id;
    const a = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Algot", surname: "Sydén", ownerTeamId: teamA.body.id },
    });
    customerOfA = a.body.id;
  });
  afterAll(async () => api?.close());

  it("names colleagues and teams to any signed-in user, without their e-mail, and not the deactivated", async () => {
    const gone = await api.keyFor("sales", "slutat@example.se");
    await api.call({ method: "PATCH", url: `/api/users/${gone.userId}`, payload: { active: false } });
    const users = await api.call({ key: sellerA.key, url: "/api/users" });
    expect(users.status).toBe(403);
    for (const key of [sellerA.key, readOnly.key]) {
      const directory = await api.call({ key, url: "/api/directory" });
      expect(directory.status).toBe(200);
      expect(directory.body.teams).toEqual([
        { id: expect.any(String), name: "Sälj Norr" },
        { id: expect.any(String), name: "Sälj Syd" },
      ]);
      expect(directory.body.users).toContainEqual({ id: sellerB.userId, name: "bo@example.se" });
      expect(directory.body.users.map((user: { id: string }) => user.id)).not.toContain(gone.userId);
      expect(Object.keys(directory.body.users[0]).sort()).toEqual(["id", "name"]);
    }
    const anonymous = await api.app.inject({ url: "/api/directory" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("keeps erasure from a seller, who cannot read everything an erasure removes", async () => {
    const denied = await api.call({
      key: sellerA.key,
      method: "POST",
      url: `/api/people/${customerOfB}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(denied.status).toBe(403);
    const still = await api.call({ url: `/api/people/${customerOfB}` });
    expect(still.body).toMatchObject({ givenNames: "Berit", erasedAt: null });
  });

  it("keeps another team's timeline closed to a seller: activities, documents, tasks", async () => {
    const note = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/activities",
      payload: { personId: customerOfB, kind: "note", subject: "Inte min kund" },
    });
    expect(note.status).toBe(403);
    const upload = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": "multipart/form-data; boundary=X" },
      payload: `--X\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${customerOfB}\r\n--X\r\nContent-Disposition: form-data; name="file"; filename="offert.txt"\r\nContent-Type: text/plain\r\n\r\nOffert\r\n--X--\r\n`,
    });
    expect(upload.status).toBe(403);
    const task = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/activities",
      payload: { personId: customerOfB, kind: "task", subject: "Ring Berit", dueAt: "2026-12-01T09:00:00Z" },
    });
    expect(task.status).toBe(201);
    const cancel = await api.call({
      key: sellerA.key,
      method: "PATCH",
      url: `/api/tasks/${task.body.id}`,
      payload: { status: "cancelled" },
    });
    expect(cancel.status).toBe(403);
    const timeline = await api.call({ url: `/api/people/${customerOfB}/timeline` });
    expect(timeline.body.items.map((item: { title: string }) => item.title)).toEqual(["Ring Berit"]);
    expect(timeline.body.items[0].data.status).toBe("open");
    // The seller's own team's customer is theirs to write about.
    const own = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/activities",
      payload: { personId: customerOfA, kind: "note", subject: "Min kund" },
    });
    expect(own.status).toBe(201);
  });

  it("keeps another team's customer's channel preferences to that team, and from the read-only", async () => {
    const url = `/api/people/${customerOfB}/channel-preferences`;
    const set = await api.call({ key: sellerB.key, method: "PUT", url, payload: { topic: "orders", channel: "sms" } });
    expect(set.status).toBe(204);
    for (const key of [sellerA.key, readOnly.key]) {
      const change = await api.call({ key, method: "PUT", url, payload: { topic: "orders", channel: "email" } });
      expect(change.status).toBe(403);
      const remove = await api.call({ key, method: "DELETE", url: `${url}/orders` });
      expect(remove.status).toBe(403);
    }
    const person = await api.call({ key: sellerB.key, url: `/api/people/${customerOfB}` });
    expect(person.body.channelPreferences).toMatchObject([{ topic: "orders", channel: "sms" }]);
    expect((await api.call({ key: sellerB.key, method: "DELETE", url: `${url}/orders` })).status).toBe(204);
  });

  it("lets the assignee close a task on a customer of another team", async () => {
    const task = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: customerOfB, kind: "task", subject: "Skicka offert", ownerId: sellerA.userId },
    });
    expect(task.status).toBe(201);
    const done = await api.call({
      key: sellerA.key,
      method: "PATCH",
      url: `/api/tasks/${task.body.id}`,
      payload: { status: "done" },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("done");
  });

  it("refuses timeline entries and orders for people who do not exist or were erased", async () => {
    const nobody = "0190a0b0-0000-7000-8000-000000000001";
    const note = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: nobody, kind: "note", subject: "x" },
    });
    expect(note.status).toBe(404);
    const order = await api.call({ method: "POST", url: "/api/orders", payload: { personId: nobody, totalSek: 100 } });
    expect(order.status).toBe(404);
    const erased = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Eva", surname: "Borttagen" },
    });
    await api.call({ method: "POST", url: `/api/people/${erased.body.id}/erasure`, payload: { reason: "Begäran" } });
    const after = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: erased.body.id, kind: "note", subject: "Eva bor på Storgatan 1" },
    });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: "erased", errors: [{ field: "personId", code: "erased" }] });
    const timeline = await api.call({ url: `/api/people/${erased.body.id}/timeline` });
    expect(timeline.body.items).toEqual([]);
  });

  it("lets a seller change only their own orders, and read only their team's", async () => {
    const bOrder = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/orders",
      payload: { personId: customerOfA, totalSek: 1200, source: { system: "crm", externalId: "N-1" } },
    });
    expect(bOrder.status).toBe(201);
    expect(bOrder.body.ownerId).toBe(sellerB.userId);
    const overwrite = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/orders",
      payload: {
        personId: customerOfA,
        totalSek: 99_999,
        status: "cancelled",
        source: { system: "crm", externalId: "N-1" },
      },
    });
    expect(overwrite.status).toBe(403);
    const own = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/orders",
      payload: { personId: customerOfA, totalSek: 300, number: "S-1" },
    });
    expect(own.status).toBe(201);
    const seenByA = await api.call({ key: sellerA.key, url: `/api/people/${customerOfA}/timeline?kinds=order` });
    expect(seenByA.body.items.map((item: { data: { totalSek: number } }) => item.data.totalSek)).toEqual([300]);
    const seenByAdmin = await api.call({ url: `/api/people/${customerOfA}/timeline?kinds=order` });
    expect(
      seenByAdmin.body.items
        .map((item: { data: { totalSek: number } }) => item.data.totalSek)
        .sort((a: number, b: number) => a - b),
    ).toEqual([300, 1200]);
  });

  it("keeps the duplicate check to those who may change the register", async () => {
    const denied = await api.call({ key: readOnly.key, method: "POST", url: `/api/people/${customerOfA}/match` });
    expect(denied.status).toBe(403);
  });

  it("gives the privacy export only to roles that read everything, and names staff only to those who read the audit log", async () => {
    const bySeller = await api.call({ key: sellerA.key, url: `/api/people/${customerOfA}/data-export` });
    expect(bySeller.status).toBe(403);
    const byReader = await api.call({ key: readOnly.key, url: `/api/people/${customerOfA}/data-export` });
    expect(byReader.status).toBe(200);
    expect(byReader.body.changes.length).toBeGreaterThan(0);
    expect(byReader.body.changes.every((change: object) => !("by" in change))).toBe(true);
    const byAdmin = await api.call({ url: `/api/people/${customerOfA}/data-export` });
    expect(byAdmin.body.changes.some((change: { by?: string }) => change.by?.includes("anna@example.se"))).toBe(true);
  });

  it("keeps another team's organisation's people and another team's duplicates to that team", async () => {
    const teams = (await api.call({ url: "/api/teams" })).body.items as Array<{ id: string; name: string }>;
    const north = teams.find((team) => team.name === "Sälj Norr")?.id;
    const org = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/organizations",
      payload: { name: "Norrbageriet AB", ownerTeamId: north },
    });
    expect(org.body).toMatchObject({ name: "Norrbageriet AB" });
    // An unowned customer, as a file brings them: open to both sellers.
    await api.call({
      method: "POST",
      url: "/api/imports/people?system=kassa",
      headers: { "content-type": "text/csv" },
      payload: "externalId,givenNames,surname\nL1,Lös,Kund",
    });
    const loose = { body: (await api.call({ url: "/api/people?q=Kund" })).body.items[0] };
    const link = await api.call({
      key: sellerA.key,
      method: "POST",
      url: "/api/roles",
      payload: { personId: loose.body.id, organizationId: org.body.id },
    });
    expect(link.status).toBe(403);
    const role = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/roles",
      payload: { personId: loose.body.id, organizationId: org.body.id, title: "Bagare" },
    });
    expect(role.body).toMatchObject({ roleId: expect.any(String) });
    const roleId = role.body.roleId as string;
    const retitle = { method: "PATCH" as const, url: `/api/roles/${roleId}`, payload: { isPrimaryContact: true } };
    expect((await api.call({ key: sellerA.key, ...retitle })).status).toBe(403);
    expect((await api.call({ key: sellerA.key, method: "DELETE", url: `/api/roles/${roleId}` })).status).toBe(403);
    expect((await api.call({ key: sellerB.key, ...retitle })).status).toBe(204);
    const detail = await api.call({ url: `/api/organizations/${org.body.id}` });
    expect(detail.body.roles).toEqual([
      expect.objectContaining({ id: roleId, title: "Bagare", isPrimaryContact: true }),
    ]);
    expect((await api.call({ key: sellerB.key, method: "DELETE", url: `/api/roles/${roleId}` })).status).toBe(204);
    const twice = await api.call({ key: sellerB.key, method: "DELETE", url: `/api/roles/${roleId}` });
    expect(twice.status).toBe(409);
    expect((await api.call({ key: sellerB.key, ...retitle })).status).toBe(409);

    // A likely duplicate of team B's customer: only those who may change her decide the pair.
    const address = { street: "Kungsgatan 4", postalCode: "75321", city: "Uppsala" };
    const northern = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Åsa", surname: "Wikström", birthDate: "1984-11-02", address, ownerTeamId: north },
    });
    const twin = await api.call({
      key: sellerB.key,
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Asa", surname: "Wikstrom", birthDate: "1984-11-02", address },
    });
    expect(
      (await api.call({ key: sellerA.key, method: "POST", url: `/api/people/${northern.body.id}/match` })).status,
    ).toBe(403);
    const matched = await api.call({ method: "POST", url: `/api/people/${twin.body.id}/match` });
    expect(matched.body.queued).toBe(1);
    const [pair] = (await api.call({ url: `/api/match-candidates?personId=${northern.body.id}` })).body.items;
    const distinct = { method: "POST" as const, url: `/api/match-candidates/${pair.id}/distinct` };
    expect((await api.call({ key: sellerA.key, ...distinct })).status).toBe(403);
    expect((await api.call({ key: sellerB.key, ...distinct })).status).toBe(200);
  });
});
