import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows";
import { ManualClock } from "../../src/kernel/clock";
import { listMembersOf, loadMembershipFacts, runScheduledRules } from "../../src/modules/rules";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * An objection to profiling (GDPR art. 21), as the app promises it: "Personen undantas från
 * poäng, segment och automatiska regler". Greta objects, Hans does not; both call support.
 */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last = await probe();
  for (let attempt = 0; attempt < 100 && !ok(last); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

interface Firing {
  personId: string;
  status: string;
  note: string | null;
}

const COMPLAINED = { field: "trait.complaint_calls_90d", op: "gte", value: 1 };

describe.each(STORE_KINDS)("an objection to profiling [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  let seller: { key: string; userId: string };
  const clock = new ManualClock("2026-10-05T08:00:00Z");
  const ids: Record<string, string> = {};

  const track = async (batch: unknown[]) => {
    const response = await api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: { batch },
    });
    expect(response.statusCode).toBe(200);
  };
  const supportCall = (userId: string) => ({ type: "track", userId, event: "Support Call", properties: {} });
  const trait = async (personId: string) => {
    const response = await api.call({ url: `/api/people/${personId}/traits` });
    expect(response.status).toBe(200);
    return response.body.items.find((item: { key: string }) => item.key === "complaint_calls_90d")?.value;
  };
  const firings = async (ruleId: string, personId: string): Promise<Firing[]> =>
    (await api.call({ url: `/api/rule-firings?ruleId=${ruleId}&personId=${personId}` })).body.items;
  const loyalty = async (personId: string) =>
    (await api.call({ url: `/api/people/${personId}` })).body.custom.lojalitet;
  const tasks = async (personId: string) =>
    (await api.call({ url: `/api/tasks?personId=${personId}`, key: seller.key })).body.items as Array<{
      subject: string;
    }>;
  const dryRun = async (condition: unknown) =>
    (await api.call({ method: "POST", url: "/api/rules/dry-run", payload: { condition } })).body as {
      count: number;
      sample: string[];
    };
  const object = async (personId: string, objects: boolean) => {
    const response = await api.call({
      method: "PUT",
      url: `/api/people/${personId}/profiling-objection`,
      payload: { objects },
    });
    expect(response.status).toBe(204);
  };
  const tick = async () => {
    clock.advance(60_000);
    return runScheduledRules(api.services.systemCtx("test"), api.services.rules);
  };
  const ctx = () => api.services.systemCtx("test");
  const segments = async (personId: string) =>
    (await loadMembershipFacts(ctx(), [personId])).get(personId)?.segments ?? [];

  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
    writeKey = (
      await api.call({ method: "POST", url: "/api/sources", payload: { name: "Kundtjänst", kind: "server" } })
    ).body.writeKey;
    seller = await api.keyFor("sales", "saljare@example.se");
    const attribute = await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: {
        entity: "person",
        key: "lojalitet",
        label: "Lojalitet",
        type: "choice",
        choices: ["guld", "silver", "brons"],
      },
    });
    expect(attribute.status).toBe(201);
    const defined = await api.call({
      method: "POST",
      url: "/api/computed-traits",
      payload: {
        key: "complaint_calls_90d",
        label: "Klagomålssamtal, 90 dagar",
        eventType: "track",
        eventName: "Support Call",
        aggregate: "count",
        windowDays: 90,
      },
    });
    expect(defined.status).toBe(201);
    for (const [name, given, userId] of [
      ["greta", "Greta", "G1"],
      ["hans", "Hans", "H1"],
    ] as const) {
      const created = await api.call({
        method: "POST",
        url: "/api/people",
        payload: {
          givenNames: given,
          surname: "Berg",
          emails: [{ address: `${name}@example.se` }],
          ownerId: seller.userId,
          custom: { lojalitet: "guld" },
        },
      });
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
      await track([{ type: "identify", userId, traits: { email: `${name}@example.se` } }]);
    }
    // Each calls once; a rule over the whole base puts callers in a list and a segment.
    await track([supportCall("G1"), supportCall("H1")]);
    const listRule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Klagare varje minut",
        trigger: { type: "schedule", cron: "* * * * *" },
        condition: COMPLAINED,
        actions: [{ type: "add_to_list", config: { list: "klagare" } }],
      },
    });
    expect(listRule.status).toBe(201);
    ids.listRule = listRule.body.id;
    const entered = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Ny klagare",
        trigger: { type: "segment", segmentRuleId: ids.listRule, on: "enter" },
        condition: COMPLAINED,
        actions: [{ type: "add_to_list", config: { list: "nya klagare" } }],
      },
    });
    expect(entered.status).toBe(201);
    ids.enterRule = entered.body.id;
  });
  afterAll(async () => api?.close());

  it("before she objects she is profiled like anyone", async () => {
    expect(await trait(ids.greta as string)).toBe(1);
    await tick();
    expect(new Set(await listMembersOf(ctx(), "klagare"))).toEqual(new Set([ids.greta, ids.hans]));
    expect(await segments(ids.greta as string)).toEqual([ids.listRule]);
    expect((await dryRun(COMPLAINED)).count).toBe(2);
  });

  it("objecting drops her computed traits and takes her out of segments and the lists rules filled", async () => {
    await object(ids.greta as string, true);
    // Not computed is null, not a 0 that would read as "never called".
    expect(await trait(ids.greta as string)).toBeNull();
    expect(await segments(ids.greta as string)).toEqual([]);
    expect(await listMembersOf(ctx(), "klagare")).toEqual([ids.hans]);
    expect(await listMembersOf(ctx(), "nya klagare")).toEqual([ids.hans]);
    expect(await trait(ids.hans as string)).toBe(1);
  });

  it("an event rule does not evaluate her: no task, no field set, and the firing log says why", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Support Call",
        trigger: { type: "event", eventType: "track", eventName: "Support Call" },
        condition: COMPLAINED,
        actions: [
          { type: "create_task", config: { subject: "Ring upp {greetingName}", assignTo: "owner", dueInDays: 1 } },
          { type: "set_field", config: { field: "custom.lojalitet", value: "brons" } },
        ],
      },
    });
    expect(rule.status).toBe(201);
    ids.eventRule = rule.body.id;
    await track([supportCall("G1"), supportCall("H1")]);
    const hans = await eventually(
      () => firings(ids.eventRule as string, ids.hans as string),
      (items) => items.length > 0,
    );
    expect(hans).toEqual([expect.objectContaining({ status: "done" })]);
    expect(await loyalty(ids.hans as string)).toBe("brons");
    expect(await trait(ids.hans as string)).toBe(2);

    const greta = await eventually(
      () => firings(ids.eventRule as string, ids.greta as string),
      (items) => items.length > 0,
    );
    expect(greta).toEqual([expect.objectContaining({ status: "skipped", note: "profiling_objection" })]);
    expect(await tasks(ids.greta as string)).toEqual([]);
    expect(await loyalty(ids.greta as string)).toBe("guld");
    expect(await trait(ids.greta as string)).toBeNull();
    // Not computed and not kept: her call is in her timeline, but no trait counts it.
    const buckets = await queryRows<{ n: string }>(
      api.services.store.db,
      sql`select count(*) as n from computed_trait_buckets where subject = ${ids.greta}`,
    );
    expect(Number(buckets[0]?.n)).toBe(0);
    const events = await api.call({ url: `/api/events?personId=${ids.greta}` });
    expect(events.body.items.filter((event: { name: string }) => event.name === "Support Call")).toHaveLength(2);
  });

  it("a rule on changes to the record does not evaluate her, while the change itself is stored", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Ny lead",
        trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
        condition: { field: "person.lifecycle_stage", op: "eq", value: "lead" },
        actions: [{ type: "set_field", config: { field: "custom.lojalitet", value: "silver" } }],
      },
    });
    expect(rule.status).toBe(201);
    await api.services.bus.dispatchPending();
    for (const name of ["greta", "hans"]) {
      const changed = await api.call({
        method: "PATCH",
        url: `/api/people/${ids[name]}`,
        payload: { lifecycleStage: "lead" },
      });
      expect(changed.status).toBe(200);
    }
    for (let round = 0; round < 3; round++) await api.services.bus.dispatchPending();
    expect(await firings(rule.body.id, ids.greta as string)).toEqual([
      expect.objectContaining({ status: "skipped", note: "profiling_objection" }),
    ]);
    expect(await firings(rule.body.id, ids.hans as string)).toEqual([expect.objectContaining({ status: "done" })]);
    expect((await api.call({ url: `/api/people/${ids.greta}` })).body).toMatchObject({
      lifecycleStage: "lead",
      custom: { lojalitet: "guld" },
    });
    expect(await loyalty(ids.hans as string)).toBe("silver");
  });

  it("schedules, segments and the dry run over the whole base leave her out", async () => {
    const since = clock.now().getTime();
    const result = await tick();
    expect(result.fired).toBeGreaterThan(0);
    expect(await listMembersOf(ctx(), "klagare")).toEqual([ids.hans]);
    expect(await segments(ids.greta as string)).toEqual([]);
    const fired = await firings(ids.listRule as string, ids.greta as string);
    expect(fired.filter((firing) => Date.parse((firing as unknown as { firedAt: string }).firedAt) > since)).toEqual(
      [],
    );
    // Even a condition she would meet without any profile (her record's own fields).
    for (const condition of [COMPLAINED, { field: "person.lifecycle_stage", op: "eq", value: "lead" }]) {
      const dry = await dryRun(condition);
      expect(dry.sample).not.toContain(ids.greta);
      expect(dry).toMatchObject({ count: 1, sample: [ids.hans] });
    }
  });

  it("lifting the objection lets profiling start afresh from then on", async () => {
    await object(ids.greta as string, false);
    // What happened while she objected was never counted.
    expect(await trait(ids.greta as string)).toBe(0);
    expect((await dryRun(COMPLAINED)).sample).not.toContain(ids.greta);
    await track([supportCall("G1")]);
    expect(await trait(ids.greta as string)).toBe(1);
    const greta = await eventually(
      () => firings(ids.eventRule as string, ids.greta as string),
      (items) => items.some((firing) => firing.status === "done"),
    );
    expect(greta.map((firing) => firing.status).sort()).toEqual(["done", "skipped"]);
    expect(await loyalty(ids.greta as string)).toBe("brons");
    expect(await tasks(ids.greta as string)).toEqual([expect.objectContaining({ subject: "Ring upp Greta" })]);
    await tick();
    expect(new Set(await listMembersOf(ctx(), "klagare"))).toEqual(new Set([ids.greta, ids.hans]));
    expect(await segments(ids.greta as string)).toEqual([ids.listRule]);
    expect(new Set((await dryRun(COMPLAINED)).sample)).toEqual(new Set([ids.greta, ids.hans]));
  });

  it("a merge with a record that objects carries the objection, and the survivor's profile goes with it", async () => {
    const person = async (given: string, email: string) => {
      const created = await api.call({
        method: "POST",
        url: "/api/people",
        payload: { givenNames: given, surname: "Sund", emails: [{ address: email }] },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const karin = await person("Karin", "karin@example.se");
    const twin = await person("Karin", "karin.sund@example.se");
    await track([
      { type: "identify", userId: "K1", traits: { email: "karin@example.se" } },
      supportCall("K1"),
      { type: "identify", userId: "T1", traits: { email: "karin.sund@example.se" } },
    ]);
    await object(twin, true);
    await tick();
    expect(await trait(karin)).toBe(1);
    expect(await listMembersOf(ctx(), "klagare")).toContain(karin);
    const merged = await api.call({ method: "POST", url: `/api/people/${karin}/merge`, payload: { otherId: twin } });
    expect(merged.status).toBeLessThan(300);
    expect((await api.call({ url: `/api/people/${karin}` })).body.profilingObjection).toBe(true);
    expect(await trait(karin)).toBeNull();
    expect(await listMembersOf(ctx(), "klagare")).not.toContain(karin);
    expect(await segments(karin)).toEqual([]);
    await tick();
    expect(await listMembersOf(ctx(), "klagare")).not.toContain(karin);
    expect((await dryRun(COMPLAINED)).sample).not.toContain(karin);
    ids.karin = karin;
    ids.twin = twin;
  });

  it("undoing that merge gives the survivor back the profile the merge took, and the objector none", async () => {
    const { karin, twin } = ids as { karin: string; twin: string };
    // While they are one record a call comes from the objector's own id: it is theirs again after
    // the undo, and still counted for nobody.
    await track([supportCall("T1")]);
    const merges = (await api.call({ url: `/api/people/${karin}/merges` })).body.items as Array<{
      id: string;
      undoneAt: string | null;
    }>;
    const merge = merges.find((item) => !item.undoneAt);
    expect(merge).toBeDefined();
    const undone = await api.call({ method: "POST", url: `/api/merges/${merge?.id}/undo`, payload: {} });
    expect(undone.status).toBeLessThan(300);
    expect((await api.call({ url: `/api/people/${karin}` })).body.profilingObjection).toBe(false);
    expect((await api.call({ url: `/api/people/${twin}` })).body.profilingObjection).toBe(true);
    expect(await trait(karin)).toBe(1);
    expect(await trait(twin)).toBeNull();
    const stored = await queryRows<{ subject: string }>(
      api.services.store.db,
      sql`select subject from computed_trait_buckets where subject = ${twin}`,
    );
    expect(stored).toEqual([]);
    await tick();
    expect(await listMembersOf(ctx(), "klagare")).toContain(karin);
    expect(await listMembersOf(ctx(), "klagare")).not.toContain(twin);
  });
});
