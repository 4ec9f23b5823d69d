import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock";
import { pruneTracking } from "../../src/modules/tracking";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const DAY = 86_400_000;

describe.each(STORE_KINDS)("tracking retention, erasure and limits [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  const clock = new ManualClock("2026-01-15T10:00:00Z");
  const send = (payload: unknown, ip = "10.1.2.3") =>
    api.app.inject({
      method: "POST",
      url: "/v1/batch",
      remoteAddress: ip,
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: payload as object,
    });

  beforeAll(async () => {
    api = await openTestApi(kind, { clock, config: { TRACKING_IP_RATE_LIMIT: "5" } });
    writeKey = (await api.call({ method: "POST", url: "/api/sources", payload: { name: "Sajt" } })).body.writeKey;
  });
  afterAll(async () => api?.close());

  it("drops raw events past retention while computed traits keep counting them", async () => {
    await api.call({
      method: "POST",
      url: "/api/computed-traits",
      payload: { key: "visits_365d", label: "Visits", eventType: "page", aggregate: "count", windowDays: 365 },
    });
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Ingrid", surname: "Sand", emails: [{ address: "ingrid.sand@example.se" }] },
    });
    await send({
      batch: [
        { type: "identify", anonymousId: "anon-ret", traits: { email: "ingrid.sand@example.se" } },
        { type: "page", anonymousId: "anon-ret", name: "Januari" },
      ],
    });
    clock.advance(60 * DAY);
    await send({ batch: [{ type: "page", anonymousId: "anon-ret", name: "Mars" }] }, "10.1.2.4");
    const ctx = api.services.systemCtx("test");
    const pruned = await pruneTracking(ctx, { eventDays: 40, dedupeDays: 7 });
    expect(pruned.droppedPartitions).toEqual(["tracked_events_2026_01"]);
    const stream = await api.call({ url: "/api/events?anonymousId=anon-ret" });
    expect(stream.body.items.map((event: { name: string }) => event.name)).toEqual(["Mars"]);
    const traits = await api.call({ url: `/api/people/${person.body.id}/traits` });
    expect(traits.body.items[0]).toMatchObject({ key: "visits_365d", value: 2 });
  });

  it("removes a person's events on erasure and keeps their counts only anonymously", async () => {
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Bo", surname: "Ström", emails: [{ address: "bo.strom@example.se" }] },
    });
    await send(
      {
        batch: [
          { type: "page", anonymousId: "anon-bo", name: "Före" },
          { type: "identify", anonymousId: "anon-bo", traits: { email: "bo.strom@example.se" } },
        ],
      },
      "10.1.2.5",
    );
    const exported = await api.call({ url: `/api/people/${person.body.id}/data-export` });
    expect(exported.body.events.map((event: { type: string }) => event.type).sort()).toEqual(["identify", "page"]);
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${person.body.id}/erasure`,
      payload: { reason: "Begäran från kunden" },
    });
    expect(erased.body.events).toBe(2);
    const stream = await api.call({ url: "/api/events?anonymousId=anon-bo" });
    expect(stream.body.items).toEqual([]);
  });

  it("limits requests per client address with a 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: unknown = null;
    for (let index = 0; index < 15; index += 1) {
      const response = await send({ batch: [{ type: "track", event: "Ping", anonymousId: "flood" }] }, "10.9.9.9");
      statuses.push(response.statusCode);
      if (response.statusCode === 429) retryAfter = response.headers["retry-after"];
    }
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
