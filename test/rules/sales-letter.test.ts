import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock";
import { deliverWebhook, runScheduledRules, signWebhook } from "../../src/modules/rules";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const SALES_LETTER = {
  all: [
    { field: "trait.complaint_calls_90d", op: "gt", value: 3 },
    { field: "trait.page_views_30d", op: "lt", value: 5 },
    { field: "orders.open_sek", op: "gt", value: 10_000 },
  ],
};

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last = await probe();
  for (let attempt = 0; attempt < 100 && !ok(last); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

describe.each(STORE_KINDS)("rules: the sales letter, end to end [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  let seller: { key: string; userId: string };
  const ids: Record<string, string> = {};
  const clock = new ManualClock("2026-10-05T08:00:00Z");

  const track = async (batch: unknown[]) => {
    const response = await api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: { batch },
    });
    expect(response.statusCode).toBe(200);
  };
  const calls = (userId: string, reasons: string[]) =>
    reasons.map((reason) => ({
      type: "track",
      userId,
      event: "Support Call",
      properties: { reason, queue: "kundtjänst" },
    }));
  const visits = (userId: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({ type: "page", userId, name: `Sida ${index}` }));

  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
    writeKey = (
      await api.call({ method: "POST", url: "/api/sources", payload: { name: "Callcenter", kind: "server" } })
    ).body.writeKey;
    seller = await api.keyFor("sales", "saljare@example.se");
    const people = [
      ["stig", "K1", "Karl Stig Emanuel", "20", "Lindgren"],
      ["anna", "K2", "Anna", "", "Holm"],
      ["bo", "K3", "Bo", "", "Ek"],
    ] as const;
    const csv = [
      "Kundnummer;Förnamn;Tilltalsnamnsmarkering;Efternamn;E-post",
      ...people.map(
        ([, number, given, marking, surname]) =>
          `${number};${given};${marking};${surname};${number.toLowerCase()}@example.se`,
      ),
    ].join("\n");
    await api.call({
      method: "POST",
      url: "/api/imports/people?system=crm",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    for (const [name, number] of people) {
      const found = await api.call({ url: `/api/people?q=${number.toLowerCase()}@example.se` });
      ids[name] = found.body.items[0].id;
      await api.call({ method: "PATCH", url: `/api/people/${ids[name]}`, payload: { ownerId: seller.userId } });
    }
    // Orders come from the web shop's export.
    const orders = [
      "externalId,personExternalId,number,totalSek,status,orderedAt",
      "O1,K1,5001,7500,open,2026-09-20",
      "O2,K1,5002,4800,confirmed,2026-09-28",
      "O3,K2,5003,15000,open,2026-09-21",
      "O4,K3,5004,25000,open,2026-09-22",
    ].join("\n");
    const imported = await api.call({
      method: "POST",
      url: "/api/imports/orders?system=crm",
      headers: { "content-type": "text/csv" },
      payload: orders,
    });
    expect(imported.body).toMatchObject({ created: 4, failed: 0 });
    for (const trait of [
      {
        key: "complaint_calls_90d",
        label: "Klagomålssamtal, 90 dagar",
        eventType: "track",
        eventName: "Support Call",
        filters: [{ property: "reason", op: "eq", value: "complaint" }],
        aggregate: "count",
        windowDays: 90,
      },
      { key: "page_views_30d", label: "Webbesök, 30 dagar", eventType: "page", aggregate: "count", windowDays: 30 },
    ]) {
      expect((await api.call({ method: "POST", url: "/api/computed-traits", payload: trait })).status).toBe(201);
    }
    // The call-centre system names callers by the customer number it shares with the CRM.
    await track(
      people.map(([, number]) => ({
        type: "identify",
        userId: number,
        traits: { email: `${number.toLowerCase()}@example.se` },
      })),
    );
  });
  afterAll(async () => api?.close());

  it("shows the rule as text, counts who matches now in SQL, and refuses an invalid condition with the field at fault", async () => {
    const invalid = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Fel",
        trigger: { type: "event", eventType: "track", eventName: "Support Call" },
        condition: { all: [{ field: "trait.nope", op: "gt", value: 3 }] },
        actions: [],
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toMatch(/^condition/);
    const dry = await api.call({ method: "POST", url: "/api/rules/dry-run", payload: { condition: SALES_LETTER } });
    expect(dry.body.count).toBe(0);
  });

  it("writes a letter task for the owner of the customer who complained more than three times", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Säljbrev efter klagomål",
        trigger: { type: "event", eventType: "track", eventName: "Support Call" },
        condition: SALES_LETTER,
        actions: [
          {
            type: "create_task",
            config: { subject: "Skicka säljbrev till {greetingName} {surname}", assignTo: "owner", dueInDays: 2 },
          },
        ],
        oncePerDays: 30,
      },
    });
    expect(rule.status).toBe(201);
    expect(rule.body.conditionText).toBe("complaint_calls_90d > 3 and page_views_30d < 5 and open_sek > 10000");
    ids.rule = rule.body.id;
    await track([
      ...visits("K1", 2),
      ...calls("K1", ["complaint", "complaint", "question", "complaint", "complaint"]),
      ...visits("K2", 6),
      ...calls("K2", ["complaint", "complaint", "complaint", "complaint"]),
      ...calls("K3", ["complaint", "complaint"]),
    ]);
    const firings = await eventually(
      async () => (await api.call({ url: `/api/rule-firings?ruleId=${ids.rule}` })).body.items,
      (items: Array<{ explanation: string[] }>) => items.length > 0,
    );
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ personId: ids.stig, status: "done" });
    expect(firings[0]?.explanation.join("\n")).toMatch(/complaint_calls_90d/);
    const tasks = await api.call({ url: `/api/tasks?ownerId=${seller.userId}`, key: seller.key });
    const letters = tasks.body.items.filter((task: { subject: string }) => task.subject.startsWith("Skicka säljbrev"));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      subject: "Skicka säljbrev till Stig Lindgren",
      personId: ids.stig,
      ownerId: seller.userId,
    });
    // The task outlives whoever reads it: its body is worded once, in Swedish.
    expect(letters[0].body).toMatch(/^Regeln "[^"]+" utlöstes:\n✓ complaint_calls_90d = \d+, mer än 3\n/);
  });

  it("agrees with the SQL compiler on who matches", async () => {
    const dry = await api.call({ method: "POST", url: "/api/rules/dry-run", payload: { condition: SALES_LETTER } });
    expect(dry.body).toMatchObject({ count: 1, sample: [ids.stig] });
    const fired = (await api.call({ url: `/api/rule-firings?ruleId=${ids.rule}` })).body.items.map(
      (firing: { personId: string }) => firing.personId,
    );
    expect(fired).toEqual(dry.body.sample);
  });

  it("fires once per period however often the customer calls", async () => {
    await track(calls("K1", ["complaint"]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const firings = (await api.call({ url: `/api/rule-firings?ruleId=${ids.rule}` })).body.items;
    expect(firings.filter((firing: { status: string }) => firing.status === "done")).toHaveLength(1);
    const rules = await api.call({ url: "/api/rules" });
    const stats = rules.body.items.find((rule: { id: string }) => rule.id === ids.rule).stats;
    expect(stats.firings).toBe(1);
    expect(stats.evaluations).toBeGreaterThanOrEqual(8);
  });

  it("keeps every version with who changed it", async () => {
    const current = (await api.call({ url: `/api/rules/${ids.rule}` })).body;
    const disabled = await api.call({
      method: "POST",
      url: `/api/rules/${ids.rule}/enabled`,
      payload: { enabled: false },
    });
    expect(disabled.body).toMatchObject({ enabled: false, version: current.version + 1 });
    const versions = await api.call({ url: `/api/rules/${ids.rule}/versions` });
    expect(versions.body.items.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    expect(versions.body.items[0].changedByLabel).toBeTruthy();
  });

  it("catches a rule whose action sets off the rule again", async () => {
    const loop = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Loop",
        trigger: { type: "record", entity: "person", on: "changed" },
        condition: { field: "person.lifecycle_stage", op: "in", value: ["lead", "prospect"] },
        actions: [{ type: "set_field", config: { field: "lifecycleStage", value: "prospect" } }],
      },
    });
    expect(loop.status).toBe(201);
    // Changes made before the rule existed must not reach it.
    await api.services.bus.dispatchPending();
    await api.call({ method: "PATCH", url: `/api/people/${ids.bo}`, payload: { lifecycleStage: "lead" } });
    for (let round = 0; round < 4; round++) await api.services.bus.dispatchPending();
    const firings = (await api.call({ url: `/api/rule-firings?ruleId=${loop.body.id}&personId=${ids.bo}` })).body.items;
    expect(firings.map((firing: { status: string }) => firing.status).sort()).toEqual(["done", "skipped"]);
    expect(firings.find((firing: { status: string }) => firing.status === "skipped").note).toMatch(/loop/);
    expect((await api.call({ url: `/api/people/${ids.bo}` })).body.lifecycleStage).toBe("prospect");
  });

  it("runs scheduled rules over the whole base and calls a signed webhook", async () => {
    const received: Array<{ body: string; signature: string }> = [];
    const server: Server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ body, signature: String(request.headers["x-lanthandel-signature"]) });
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const secret = "en-hemlighet-på-minst-16";
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Stora öppna ordrar varje morgon",
        trigger: { type: "schedule", cron: "0 9 * * 1-5" },
        condition: { field: "orders.open_sek", op: "gte", value: 15_000 },
        actions: [
          { type: "webhook", config: { url, secret } },
          { type: "add_to_list", config: { list: "Stora ordrar" } },
        ],
      },
    });
    expect(rule.status).toBe(201);
    expect(rule.body.actions[0].config.secret).not.toBe(secret);
    // Saving the rule again as it was shown, secret masked, keeps the secret.
    const { name, trigger, condition, actions } = rule.body;
    const resaved = await api.call({
      method: "PUT",
      url: `/api/rules/${rule.body.id}`,
      payload: { name, trigger, condition, actions },
    });
    expect(resaved.status).toBe(200);
    expect(resaved.body.version).toBe(2);
    clock.set("2026-10-06T07:00:00Z"); // 09:00 in Stockholm, a Tuesday
    const ctx = api.services.systemCtx("test");
    const tick = await runScheduledRules(ctx, api.services.rules);
    expect(tick.fired).toBe(2);
    const again = await runScheduledRules(ctx, api.services.rules);
    expect(again.fired).toBe(0);
    const firings = (await api.call({ url: `/api/rule-firings?ruleId=${rule.body.id}` })).body.items;
    expect(new Set(firings.map((firing: { personId: string }) => firing.personId))).toEqual(
      new Set([ids.anna, ids.bo]),
    );
    const deliveryId = firings[0].results[0].deliveryId;
    await deliverWebhook(ctx, deliveryId, false);
    server.close();
    expect(received).toHaveLength(1);
    const at = /t=(\d+)/.exec(received[0]?.signature ?? "")?.[1];
    expect(received[0]?.signature).toBe(signWebhook(secret, received[0]?.body ?? "", new Date(Number(at) * 1000)));
    expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({
      rule: { name: "Stora öppna ordrar varje morgon" },
      explanation: [expect.stringMatching(/^✓ open_sek = \d+(\.\d+)?, minst 15000$/)],
    });
    // The list the rule filled is a field other rules read, in SQL as in JS.
    api.services.rules.invalidate();
    const members = await api.call({
      method: "POST",
      url: "/api/rules/dry-run",
      payload: { condition: { field: "list.Stora ordrar", op: "eq", value: true } },
    });
    expect(members.body.count).toBe(2);
    expect(new Set(members.body.sample)).toEqual(new Set([ids.anna, ids.bo]));
  });
});
