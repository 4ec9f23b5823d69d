import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPersonFinder } from "../../src/flows/identify-person";
import { profilingObjectors } from "../../src/modules/register";
import { collectEvents } from "../../src/modules/tracking";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("rules: an event rule that reads case counts [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  let erik: string;

  const track = async (batch: unknown[]) => {
    const response = await api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: { batch },
    });
    expect(response.statusCode).toBe(200);
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
    writeKey = (
      await api.call({ method: "POST", url: "/api/sources", payload: { name: "Kundtjänst", kind: "server" } })
    ).body.writeKey;
    erik = (
      await api.call({
        method: "POST",
        url: "/api/people",
        payload: {
          givenNames: "Filip Torbjörn Erik",
          preferredNameMarking: "30",
          surname: "Ahmed",
          emails: [{ address: "erik@example.se" }],
        },
      })
    ).body.id;
    await api.call({
      method: "POST",
      url: "/api/computed-traits",
      payload: {
        key: "complaint_calls_90d",
        label: "Klagomålssamtal, 90 dagar",
        eventType: "track",
        eventName: "Support Call",
        filters: [{ property: "reason", op: "eq", value: "complaint" }],
        aggregate: "count",
        windowDays: 90,
      },
    });
    const opened = await api.call({
      method: "POST",
      url: "/api/cases",
      payload: { personId: erik, subject: "Trasig kaffebryggare", category: "Reklamation" },
    });
    expect(opened.status).toBe(201);
    // Events written in the same process by other means first, as the demo data does: the
    // tracking API's writer must still be the one that hands its events to the rules.
    const source = (
      await api.call({ method: "POST", url: "/api/sources", payload: { name: "Demobutiken", kind: "web" } })
    ).body.source;
    const body = { batch: [{ type: "page", anonymousId: "besökare-1", name: "Start" }] };
    await collectEvents(
      api.services.systemCtx("demo"),
      {
        source,
        body,
        endpoint: "batch",
        bodyBytes: JSON.stringify(body).length,
        requestIp: null,
        requestUserAgent: null,
      },
      {
        finder: registerPersonFinder,
        objectors: profilingObjectors,
        countries: null,
        ipMode: "truncate",
        defaultTimeZone: "Europe/Stockholm",
      },
    );
  });
  afterAll(async () => api?.close());

  it("opens a second-line case when a customer with an open complaint case calls to complain again", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Klagomål med öppen reklamation",
        trigger: { type: "event", eventType: "track", eventName: "Support Call" },
        oncePerDays: 1,
        condition: {
          all: [
            { field: "trait.complaint_calls_90d", op: "gt", value: 1 },
            { field: "cases.category.reklamation.open_count", op: "gte", value: 1 },
          ],
        },
        actions: [
          {
            type: "open_case",
            config: { subject: "Ring {greetingName} {surname}", category: "klagomal", priority: "high", line: 2 },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    await track([
      { type: "identify", userId: "kund-erik", traits: { email: "erik@example.se" } },
      { type: "track", userId: "kund-erik", event: "Support Call", properties: { reason: "complaint" } },
      { type: "track", userId: "kund-erik", event: "Support Call", properties: { reason: "complaint" } },
    ]);
    await expect
      .poll(async () => (await api.call({ url: `/api/rule-firings?ruleId=${rule.body.id}` })).body.items.length, {
        timeout: 10_000,
      })
      .toBe(1);
    const cases = (await api.call({ url: `/api/cases?personId=${erik}` })).body.items;
    expect(cases.map((item: { subject: string; line: number }) => [item.subject, item.line])).toContainEqual([
      "Ring Erik Ahmed",
      2,
    ]);
  });
});
