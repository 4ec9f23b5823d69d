import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A sales manager gives a list's customers to a seller or a team, or moves them to a new stage,
 * in one step: all of them or, if any cannot be changed, none, with each one at fault named.
 */
describe.each(STORE_KINDS)("changing many records at once [%s]", (kind) => {
  let api: TestApi;
  let teamSouth: string;
  let teamNorth: string;
  let sellerSouth: { key: string; userId: string };
  let sellerNorth: { key: string; userId: string };

  const user = async (email: string, role: string, teamIds: string[]) => {
    const created = await api.call({
      method: "POST",
      url: "/api/users",
      payload: { email, name: email, password: "test password 123", role, teamIds },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = await api.call({
      method: "POST",
      url: "/api/api-keys",
      payload: { name: "t", userId: created.body.id },
    });
    return { key: key.body.key as string, userId: created.body.id as string };
  };
  const person = async (payload: object, key?: string) => {
    const response = await api.call({ method: "POST", url: "/api/people", payload, key });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const owners = async (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const { body } = await api.call({ url: `/api/people/${id}` });
        return [body.ownerId, body.ownerTeamId, body.lifecycleStage];
      }),
    );
  const bulk = (payload: object, key?: string) =>
    api.call({ method: "POST", url: "/api/people/bulk-change", payload, key });

  beforeAll(async () => {
    api = await openTestApi(kind);
    teamSouth = (await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Syd" } })).body.id;
    teamNorth = (await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Norr" } })).body.id;
    sellerSouth = await user("syd@example.se", "sales", [teamSouth]);
    sellerNorth = await user("norr@example.se", "sales", [teamNorth]);
  });
  afterAll(async () => api?.close());

  it("gives several people a seller and a team, each change audited", async () => {
    const ids = [
      await person({ givenNames: "Anna", surname: "Ek" }),
      await person({ givenNames: "Bo", surname: "Ek", ownerId: sellerNorth.userId }),
      await person({ givenNames: "Cia", surname: "Ek", lifecycleStage: "lead" }),
    ];
    const response = await bulk({ ids, set: { ownerId: sellerSouth.userId, ownerTeamId: teamSouth } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ changed: 3, unchanged: 0, dryRun: false });
    expect(await owners(ids)).toEqual([
      [sellerSouth.userId, teamSouth, "interested"],
      [sellerSouth.userId, teamSouth, "interested"],
      [sellerSouth.userId, teamSouth, "lead"],
    ]);
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${ids[1]}&action=person.update` });
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0].before).toMatchObject({ ownerId: sellerNorth.userId });
    expect(trail.body.items[0].after).toMatchObject({ ownerId: sellerSouth.userId, ownerTeamId: teamSouth });

    // A stage for all of them, the owners left as they are.
    const stage = await bulk({ ids, set: { lifecycleStage: "customer" } });
    expect(stage.status).toBe(200);
    expect((await owners(ids)).map((row) => row[2])).toEqual(["customer", "customer", "customer"]);
    // Registered as nobody's, when asked.
    const unowned = await person({ givenNames: "Dora", surname: "Ek", ownerId: null });
    expect(await owners([unowned])).toEqual([[null, null, "interested"]]);
    // And nobody's again.
    const none = await bulk({ ids: ids.slice(0, 1), set: { ownerId: null, ownerTeamId: null } });
    expect(none.status).toBe(200);
    expect(await owners(ids.slice(0, 1))).toEqual([[null, null, "customer"]]);
  });

  it("changes none when a seller may not change one of them, and names each refused", async () => {
    // A record's creator owns it unless told otherwise.
    const open = await person({ givenNames: "Dag", surname: "Fri" }, sellerSouth.key);
    const theirs = await person({ givenNames: "Eva", surname: "Norr", ownerTeamId: teamNorth });
    const mine = await person({ givenNames: "Frej", surname: "Syd", ownerTeamId: teamSouth });
    const alsoTheirs = await person({ givenNames: "Gun", surname: "Norr", ownerTeamId: teamNorth });
    const refused = await bulk(
      { ids: [open, theirs, mine, alsoTheirs], set: { lifecycleStage: "lead" } },
      sellerSouth.key,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.body.code).toBe("forbidden");
    expect(refused.body.errors.map((fault: { field: string; code: string }) => `${fault.field}:${fault.code}`)).toEqual(
      ["ids.1:forbidden", "ids.3:forbidden"],
    );
    expect((await owners([open, mine])).map((row) => row[2])).toEqual(["interested", "interested"]);
    // Without the refused ones it goes through.
    const allowed = await bulk({ ids: [open, mine], set: { lifecycleStage: "lead" } }, sellerSouth.key);
    expect(allowed.status).toBe(200);
    expect((await owners([open, mine])).map((row) => row[2])).toEqual(["lead", "lead"]);
    // A reader changes nothing at all.
    const reader = await api.keyFor("read_only");
    expect((await bulk({ ids: [open], set: { lifecycleStage: "customer" } }, reader.key)).status).toBe(403);
  });

  it("refuses a deactivated seller, an unknown team, an erased person and malformed requests", async () => {
    const gone = await user("slutat@example.se", "sales", []);
    await api.call({ method: "PATCH", url: `/api/users/${gone.userId}`, payload: { active: false } });
    const someone = await person({ givenNames: "Hugo", surname: "Holm" });
    const before = await owners([someone]);
    const inactive = await bulk({ ids: [someone], set: { ownerId: gone.userId } });
    expect(inactive.status).toBe(400);
    expect(inactive.body.errors).toEqual([expect.objectContaining({ field: "set.ownerId", code: "inactive_user" })]);
    // The single change is held to the same: a customer is never given to someone who left.
    const single = await api.call({
      method: "PATCH",
      url: `/api/people/${someone}`,
      payload: { ownerId: gone.userId },
    });
    expect(single.status).toBe(400);
    expect(single.body.errors).toEqual([expect.objectContaining({ field: "ownerId", code: "inactive_user" })]);
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Ny", surname: "Kund", ownerId: gone.userId },
    });
    expect(created.body.errors).toEqual([expect.objectContaining({ field: "ownerId", code: "inactive_user" })]);
    const unknownTeam = await bulk({ ids: [someone], set: { ownerTeamId: "0190f7a0-0000-7000-8000-000000000009" } });
    expect(unknownTeam.body.errors).toEqual([
      expect.objectContaining({ field: "set.ownerTeamId", code: "unknown_team" }),
    ]);
    expect(await owners([someone])).toEqual(before);

    const erased = await person({ givenNames: "Ida", surname: "Borta" });
    await api.call({ method: "POST", url: `/api/people/${erased}/erasure`, payload: { reason: "Kundens begäran" } });
    const withErased = await bulk({ ids: [someone, erased], set: { ownerTeamId: teamSouth } });
    expect(withErased.status).toBe(409);
    expect(withErased.body.errors).toEqual([expect.objectContaining({ field: "ids.1", code: "erased" })]);
    expect(await owners([someone])).toEqual(before);

    for (const [payload, field] of [
      [{ ids: [], set: { lifecycleStage: "lead" } }, "ids"],
      [{ ids: [someone, someone], set: { lifecycleStage: "lead" } }, "ids"],
      [{ ids: [someone], set: {} }, "set"],
      [{ ids: [someone], set: { lifecycleStage: "kund" } }, "set.lifecycleStage"],
      [{ ids: [someone], set: { givenNames: "X" } }, "set.givenNames"],
      [{ ids: Array.from({ length: 501 }, () => someone), set: { lifecycleStage: "lead" } }, "ids"],
    ] as const) {
      const response = await bulk(payload);
      expect(response.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(response.body.errors.map((fault: { field: string }) => fault.field)).toContain(field);
    }
  });

  it("changes every person a list's filters match, after a trial that changes nothing", async () => {
    const ids: string[] = [];
    for (const given of ["Ada", "Bert", "Cilla", "Dan"])
      ids.push(await person({ givenNames: given, surname: "Matchsson" }));
    const already = await person({ givenNames: "Eje", surname: "Matchsson", ownerTeamId: teamNorth });
    const outside = await person({ givenNames: "Ada", surname: "Annansson" });
    const outsideBefore = await owners([outside]);
    const match = { q: "Matchsson" };

    const trial = await bulk({ match, set: { ownerTeamId: teamNorth }, dryRun: true });
    expect(trial.status, JSON.stringify(trial.body)).toBe(200);
    expect(trial.body).toEqual({ changed: 4, unchanged: 1, dryRun: true });
    expect((await owners(ids)).map((row) => row[1])).toEqual([null, null, null, null]);

    // The user saw six; one fewer matches now, so nothing is changed.
    const stale = await bulk({ match, expectedCount: 6, set: { ownerTeamId: teamNorth } });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([expect.objectContaining({ field: "expectedCount", code: "count_changed" })]);
    expect((await owners(ids)).map((row) => row[1])).toEqual([null, null, null, null]);

    const done = await bulk({ match, expectedCount: 5, set: { ownerTeamId: teamNorth } });
    expect(done.body).toEqual({ changed: 4, unchanged: 1, dryRun: false });
    expect((await owners([...ids, already])).map((row) => row[1])).toEqual(Array(5).fill(teamNorth));
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${ids[2]}&action=person.update` });
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0].before).toEqual({ ownerTeamId: null });
    expect(trail.body.items[0].after).toEqual({ ownerTeamId: teamNorth });
    // The one that already was the team's has nothing in its trail: nothing happened to it.
    const untouched = await api.call({ url: `/api/audit-log?entity=person&entityId=${already}&action=person.update` });
    expect(untouched.body.items).toEqual([]);
    // Who set the team is kept with the value, as for any change.
    const detail = await api.call({ url: `/api/people/${ids[0]}` });
    expect(detail.body.lineage.ownerTeamId).toMatchObject({ system: "api" });
    // Nobody outside the match was touched.
    expect(await owners([outside])).toEqual(outsideBefore);
  });

  it("refuses a match holding another's customers, naming them, and malformed matches", async () => {
    await person({ givenNames: "Hans", surname: "Filtersson" }, sellerSouth.key);
    await person({ givenNames: "Inga", surname: "Filtersson", ownerTeamId: teamNorth });
    const match = { q: "Filtersson" };
    const refused = await bulk({ match, set: { lifecycleStage: "customer" } }, sellerSouth.key);
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        field: "match",
        code: "forbidden",
        message: expect.stringMatching(/^Inga Filtersson: /),
      }),
    ]);
    expect(refused.body.records).toEqual([expect.objectContaining({ name: "Inga Filtersson", code: "forbidden" })]);
    const stages = await api.call({ url: "/api/people?q=Filtersson" });
    expect(stages.body.items.map((item: { lifecycleStage: string }) => item.lifecycleStage)).toEqual([
      "interested",
      "interested",
    ]);
    // Narrowed to the seller's own customers, it goes through.
    const mine = await bulk(
      { match: { ...match, ownerId: sellerSouth.userId }, set: { lifecycleStage: "customer" } },
      sellerSouth.key,
    );
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.changed).toBe(1);

    for (const [payload, field, code] of [
      [{ match: { q: "Finnsintesson" }, set: { lifecycleStage: "lead" } }, "match", "no_match"],
      [{ set: { lifecycleStage: "lead" } }, "ids", "required"],
      [{ ids: [crypto.randomUUID()], match, set: { lifecycleStage: "lead" } }, "match", "conflicts"],
      [
        { match: { filter: "custom.okand:eq:x" }, set: { lifecycleStage: "lead" } },
        "match.filter.0",
        "unknown_attribute",
      ],
      [{ match: { q: "x", limit: 5 }, set: { lifecycleStage: "lead" } }, "match", undefined],
      [{ match, expectedCount: -1, set: { lifecycleStage: "lead" } }, "expectedCount", undefined],
    ] as const) {
      const response = await bulk(payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      const faults = response.body.errors.map((fault: { field: string; code: string }) => fault);
      expect(faults, JSON.stringify(response.body)).toContainEqual(
        expect.objectContaining({ field: expect.stringContaining(field), ...(code ? { code } : {}) }),
      );
    }
  });

  it("sets a custom attribute for everyone matched, checked as a single change checks it", async () => {
    const defined = await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: {
        entity: "person",
        key: "kundniva",
        label: "Kundnivå",
        type: "choice",
        choices: ["Brons", "Silver", "Guld"],
      },
    });
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    const ids = [
      await person({ givenNames: "Alva", surname: "Nivåsson" }),
      await person({ givenNames: "Berit", surname: "Nivåsson", custom: { kundniva: "Brons" } }),
      await person({ givenNames: "Curt", surname: "Nivåsson", custom: { kundniva: "Guld" } }),
    ];
    const tiers = async () =>
      Promise.all(ids.map(async (id) => (await api.call({ url: `/api/people/${id}` })).body.custom.kundniva ?? null));
    const match = { q: "Nivåsson" };
    const done = await bulk({ match, set: { custom: { kundniva: "Guld" } } });
    expect(done.body, JSON.stringify(done.body)).toEqual({ changed: 2, unchanged: 1, dryRun: false });
    expect(await tiers()).toEqual(["Guld", "Guld", "Guld"]);
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${ids[1]}&action=person.update` });
    expect(trail.body.items[0].before).toEqual({ custom: { kundniva: "Brons" } });
    expect(trail.body.items[0].after).toEqual({ custom: { kundniva: "Guld" } });

    for (const [custom, field, code] of [
      [{ kundniva: "Platina" }, "set.custom.kundniva", "invalid_choice"],
      [{ okand: "x" }, "set.custom.okand", "unknown_attribute"],
    ] as const) {
      const refused = await bulk({ match, set: { custom } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await bulk({ match, set: { custom: {} } })).status).toBe(400);
    // Emptied for all, the other attributes kept.
    const emptied = await bulk({ ids: ids.slice(0, 2), set: { custom: { kundniva: null }, lifecycleStage: "lead" } });
    expect(emptied.body.changed).toBe(2);
    expect(await tiers()).toEqual([null, null, "Guld"]);
    expect((await owners(ids)).map((row) => row[2])).toEqual(["lead", "lead", "interested"]);
  });

  it("gives organisations a team", async () => {
    const ids: string[] = [];
    for (const name of ["Alfa AB", "Beta AB"]) {
      const created = await api.call({ method: "POST", url: "/api/organizations", payload: { name } });
      ids.push(created.body.id);
    }
    const response = await api.call({
      method: "POST",
      url: "/api/organizations/bulk-change",
      payload: { ids, set: { ownerTeamId: teamNorth } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    for (const id of ids) {
      expect((await api.call({ url: `/api/organizations/${id}` })).body.ownerTeamId).toBe(teamNorth);
    }
    const stage = await api.call({
      method: "POST",
      url: "/api/organizations/bulk-change",
      payload: { ids, set: { lifecycleStage: "lead" } },
    });
    expect(stage.status).toBe(400);
    expect(stage.body.errors[0].field).toBe("set.lifecycleStage");
    // Every organisation a search matches, and one already the team's left alone.
    const gamma = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Gammaverken AB" } });
    const matched = await api.call({
      method: "POST",
      url: "/api/organizations/bulk-change",
      payload: { match: { q: "AB" }, set: { ownerTeamId: teamNorth } },
    });
    expect(matched.status, JSON.stringify(matched.body)).toBe(200);
    expect(matched.body).toEqual({ changed: 1, unchanged: 2, dryRun: false });
    expect((await api.call({ url: `/api/organizations/${gamma.body.id}` })).body.ownerTeamId).toBe(teamNorth);
  });
});
