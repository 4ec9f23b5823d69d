import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
/** Inside a range the bundled table places in Sweden. */
const SWEDISH_IP = "1.178.93.17";

describe.each(STORE_KINDS)("tracking API [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  let sourceId: string;
  const clock = new ManualClock("2026-03-10T08:00:00Z");

  const send = (path: string, payload: unknown, options: { key?: string; headers?: Record<string, string> } = {}) =>
    api.app.inject({
      method: "POST",
      url: `/v1/${path}`,
      headers: {
        authorization: `Basic ${Buffer.from(`${options.key ?? writeKey}:`).toString("base64")}`,
        "content-type": "application/json",
        ...options.headers,
      },
      payload: typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
    });
  const events = async (query: string) => (await api.call({ url: `/api/events?${query}` })).body.items;

  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
    const created = await api.call({ method: "POST", url: "/api/sources", payload: { name: "Webbshop" } });
    writeKey = created.body.writeKey;
    sourceId = created.body.source.id;
  });
  afterAll(async () => api?.close());

  it("refuses requests without a write key, or with an unknown one", async () => {
    const none = await api.app.inject({ method: "POST", url: "/v1/track", payload: { event: "x", userId: "1" } });
    expect(none.statusCode).toBe(401);
    const unknown = await send("track", { event: "x", userId: "1" }, { key: "wk-not-a-key" });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe("unauthenticated");
  });

  it("stores a track call with its enrichment, acknowledged after commit", async () => {
    const response = await send("track", {
      event: "Order Completed",
      anonymousId: "anon-enrich",
      messageId: "m-enrich-1",
      properties: { total: 499, currency: "SEK" },
      context: {
        ip: SWEDISH_IP,
        userAgent: IPHONE,
        timezone: "Europe/Stockholm",
        page: { url: "https://shop.example.se/kassa?utm_source=newsletter&utm_medium=email&utm_campaign=var26" },
      },
      timestamp: "2026-03-10T07:59:00Z",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ success: true, accepted: 1 });
    const [stored] = await events("anonymousId=anon-enrich");
    expect(stored).toMatchObject({ type: "track", name: "Order Completed", sourceId, properties: { total: 499 } });
    expect(stored.enrichment.device).toMatchObject({ deviceType: "mobile", os: "iOS", browser: "Safari" });
    expect(stored.enrichment.country).toBe("SE");
    expect(stored.enrichment.ip).toBe("1.178.93.0");
    expect(stored.enrichment.local).toMatchObject({ timeZone: "Europe/Stockholm", localHour: 8, weekday: 2 });
    expect(stored.enrichment.reference).toMatchObject({ channel: "email", source: "newsletter", campaign: "var26" });
    expect(stored.context.ip).toBeUndefined();
  });

  it("corrects the client's clock skew from sentAt and refuses timestamps far in the future", async () => {
    // The client's clock is an hour fast: it says it sent at 09:00 what happened at 08:59.
    await send("page", {
      anonymousId: "anon-skew",
      name: "Start",
      timestamp: "2026-03-10T08:59:00Z",
      sentAt: "2026-03-10T09:00:00Z",
    });
    const [page] = await events("anonymousId=anon-skew");
    expect(new Date(page.occurredAt).toISOString()).toBe("2026-03-10T07:59:00.000Z");
    expect(new Date(page.originalTimestamp).toISOString()).toBe("2026-03-10T08:59:00.000Z");
    const future = await send("track", { event: "x", userId: "u1", timestamp: "2026-03-14T08:00:00Z" });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: "body.timestamp", code: "timestamp_in_future" });
  });

  it("stores a repeated messageId once", async () => {
    const message = { type: "track", event: "Clicked", anonymousId: "anon-dup", messageId: "dup-1" };
    const first = await send("batch", { batch: [message, message] });
    const again = await send("batch", { batch: [message] });
    expect(first.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await events("anonymousId=anon-dup")).toHaveLength(1);
    // Ids are the client's text: quotes, commas, braces and backslashes must not split or merge them.
    const odd = ['a "quoted", {braced} id', "back\\slash", "NULL", "{}", "a|b"].map((messageId) => ({
      ...message,
      anonymousId: "anon-odd",
      messageId,
    }));
    expect((await send("batch", { batch: odd })).json()).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(
      (await send("batch", { batch: [...odd, { ...message, anonymousId: "anon-odd", messageId: "new" }] })).json(),
    ).toMatchObject({
      accepted: 1,
      duplicates: 5,
    });
    expect(await events("anonymousId=anon-odd")).toHaveLength(6);
  });

  it("rejects a whole batch with a bad message, stores none of it, and shows why in the debugger", async () => {
    const response = await send("batch", {
      batch: [
        { type: "track", event: "Fine", anonymousId: "anon-partial" },
        { type: "track", anonymousId: "anon-partial" },
        { type: "page", properties: "not an object", anonymousId: "anon-partial" },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: "batch.1.event", code: "invalid_message" }),
      expect.objectContaining({ field: "batch.2.properties", code: "invalid_message" }),
    ]);
    expect(await events("anonymousId=anon-partial")).toHaveLength(0);
    const debug = await api.call({ url: `/api/sources/${sourceId}/debugger` });
    expect(debug.body.rejections[0]).toMatchObject({ code: "invalid_message", field: "batch.1.event" });
    expect(debug.body.events.length).toBeGreaterThan(0);
  });

  it("answers 400 for malformed JSON, a missing identity, an event over 32 KB and a request over 500 KB", async () => {
    const malformed = await send("track", '{"event": "x",');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ field: "body", code: "invalid_json" });
    const nul = await send("track", { event: "Nul", userId: "u-nul", properties: { note: "a\u0000b" } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0]).toMatchObject({ field: "body", code: "nul_character" });
    const half = await send("track", String.raw`{"event": "Halv", "userId": "u-half", "properties": {"k": "\ud800"}}`);
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0]).toMatchObject({ field: "body", code: "invalid_unicode" });
    const whole = await send(
      "track",
      String.raw`{"event": "Hel", "userId": "u-half", "properties": {"k": "\ud83d\ude00"}}`,
    );
    expect(whole.statusCode).toBe(200);
    // A backslash followed by the letters u0000 is ordinary text.
    const escaped = await send("track", { event: "Escaped", userId: "u-nul", properties: { note: "a\\u0000b" } });
    expect(escaped.statusCode).toBe(200);
    const anonymous = await send("track", { event: "Nobody" });
    expect(anonymous.json().errors[0]).toMatchObject({ field: "body.userId", code: "missing_identity" });
    const wrongType = await send("identify", { userId: "u1", traits: ["a"] });
    expect(wrongType.json().errors[0]).toMatchObject({ field: "body.traits" });
    const big = { type: "track", event: "Big", userId: "u-big", properties: { blob: "x".repeat(33 * 1024) } };
    const tooBigEvent = await send("batch", { batch: [big] });
    expect(tooBigEvent.statusCode).toBe(400);
    expect(tooBigEvent.json().errors[0]).toMatchObject({ field: "batch.0", code: "event_too_large" });
    const many = Array.from({ length: 20 }, (_, index) => ({
      ...big,
      messageId: `big-${index}`,
      properties: { blob: "y".repeat(30 * 1024) },
    }));
    const tooBigBatch = await send("batch", { batch: many });
    expect(tooBigBatch.statusCode).toBe(400);
    expect(tooBigBatch.json().errors[0]).toMatchObject({ field: "body", code: "batch_too_large" });
    expect(await events("userId=u-big")).toHaveLength(0);
  });

  it("accepts gzip bodies, text/plain bodies and the write key in the body, as browsers send them", async () => {
    const gz = await send("track", gzipSync(JSON.stringify({ event: "Zipped", anonymousId: "anon-gz" })), {
      headers: { "content-encoding": "gzip" },
    });
    expect(gz.statusCode).toBe(200);
    const beacon = await api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { "content-type": "text/plain", origin: "https://shop.example.se" },
      payload: JSON.stringify({ writeKey, batch: [{ type: "page", anonymousId: "anon-gz", name: "Hem" }] }),
    });
    expect(beacon.statusCode).toBe(200);
    expect(beacon.headers["access-control-allow-origin"]).toBe("https://shop.example.se");
    expect(await events("anonymousId=anon-gz")).toHaveLength(2);
  });

  it("links a visitor to a person on identify, bringing earlier page views into the 360 timeline and traits", async () => {
    const trait = await api.call({
      method: "POST",
      url: "/api/computed-traits",
      payload: {
        key: "page_views_30d",
        label: "Page views, 30 days",
        eventType: "page",
        aggregate: "count",
        windowDays: 30,
      },
    });
    expect(trait.status).toBe(201);
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Karl Stig",
        preferredGivenName: "Stig",
        surname: "Lund",
        emails: [{ address: "stig.lund@example.se" }],
      },
    });
    for (const path of ["/", "/kampanj", "/kassa"]) {
      await send("page", { anonymousId: "anon-stig", properties: { path, title: `Sida ${path}` } });
    }
    const before = await api.call({ url: `/api/people/${person.body.id}/traits` });
    expect(before.body.items).toEqual([expect.objectContaining({ key: "page_views_30d", value: 0 })]);
    const identify = await send("identify", {
      anonymousId: "anon-stig",
      userId: "kund-881",
      traits: { email: "Stig.Lund@Example.se", firstName: "Stig" },
    });
    expect(identify.statusCode).toBe(200);
    const timeline = await api.call({ url: `/api/people/${person.body.id}/timeline?kinds=event` });
    const titles = timeline.body.items.map((item: { title: string }) => item.title);
    expect(titles).toEqual(expect.arrayContaining(["Identified", "Viewed Sida /kampanj", "Viewed Sida /kassa"]));
    const after = await api.call({ url: `/api/people/${person.body.id}/traits` });
    expect(after.body.items[0].value).toBe(3);
    // Later events of the same user id land on the person directly.
    await send("page", { userId: "kund-881", properties: { path: "/mina-sidor" } });
    const again = await api.call({ url: `/api/people/${person.body.id}/traits` });
    expect(again.body.items[0].value).toBe(4);
  });

  it("keeps sum, min, max and average traits over orders sent in separate requests", async () => {
    for (const aggregate of ["sum", "min", "max", "avg"]) {
      const created = await api.call({
        method: "POST",
        url: "/api/computed-traits",
        payload: {
          key: `order_${aggregate}_30d`,
          label: `Orders (${aggregate})`,
          eventType: "track",
          eventName: "Order Completed",
          aggregate,
          property: "total",
          windowDays: 30,
        },
      });
      expect(created.status).toBe(201);
    }
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Greta", surname: "Holm", emails: [{ address: "greta.holm@example.se" }] },
    });
    await send("identify", { userId: "kund-greta", traits: { email: "greta.holm@example.se" } });
    const order = (total: unknown) => ({
      type: "track",
      userId: "kund-greta",
      event: "Order Completed",
      properties: { total },
    });
    // The second request updates the buckets the first made: sums add up, minimum and maximum widen.
    expect((await send("batch", { batch: [order(100), order("250.50")] })).statusCode).toBe(200);
    expect((await send("batch", { batch: [order(40), order(null), order("not a number")] })).statusCode).toBe(200);
    const traits = await api.call({ url: `/api/people/${person.body.id}/traits` });
    const value = (key: string) => traits.body.items.find((item: { key: string }) => item.key === key)?.value;
    expect(value("order_sum_30d")).toBeCloseTo(390.5);
    expect(value("order_min_30d")).toBe(40);
    expect(value("order_max_30d")).toBe(250.5);
    expect(value("order_avg_30d")).toBeCloseTo(390.5 / 3);
  });

  it("gives each tracked event in the 360 timeline a short detail line, without the visitor's IP address", async () => {
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Britt", surname: "Ek", emails: [{ address: "britt.ek@example.se" }] },
    });
    const personId = person.body.id as string;
    const fromNewsletter =
      "https://shop.example.se/erbjudanden/host?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=host26";
    await send("identify", {
      userId: "kund-4711",
      anonymousId: "anon-britt",
      traits: { email: "britt.ek@example.se", plan: "guld" },
      timestamp: "2026-03-10T07:50:00Z",
    });
    await send("page", {
      userId: "kund-4711",
      name: "Höstrea",
      properties: { path: "/erbjudanden/host", url: fromNewsletter, title: "Höstrea", referrer: "" },
      context: { ip: SWEDISH_IP, userAgent: IPHONE, page: { url: fromNewsletter } },
      timestamp: "2026-03-10T07:51:00Z",
    });
    await send("track", {
      userId: "kund-4711",
      event: "Support Call",
      properties: {
        agent_id: "a-17",
        recordingUrl: "https://samtal.example.se/a-17/991",
        note: "Kunden ringde om en försenad leverans av ved och vill ha besked",
        caller_ip: "10.1.2.3",
        durationSeconds: 340,
        reason: "complaint",
        queue: "kundtjänst",
      },
      context: { ip: SWEDISH_IP },
      timestamp: "2026-03-10T07:52:00Z",
    });
    await send("screen", {
      userId: "kund-4711",
      name: "Orderhistorik",
      properties: { ordersShown: 3, dark_mode: true },
      timestamp: "2026-03-10T07:53:00Z",
    });

    const timeline = await api.call({ url: `/api/people/${personId}/timeline?kinds=event` });
    expect(timeline.status).toBe(200);
    const entries = timeline.body.items as Array<{
      title: string;
      summary: string | null;
      data: Record<string, unknown>;
    }>;
    const entry = (title: string) => entries.find((item) => item.title === title);
    expect(entries.map((item) => item.title)).toEqual([
      "Viewed screen Orderhistorik",
      "Support Call",
      "Viewed Höstrea",
      "Identified",
    ]);
    // The most telling properties first, long values shortened; ids, links and addresses left out.
    expect(entry("Support Call")?.summary).toBe(
      "reason: complaint · note: Kunden ringde om en försenad leverans… · durationSeconds: 340 · SE",
    );
    expect(entry("Support Call")?.data.detail).toMatchObject({
      properties: [
        { key: "reason", value: "complaint" },
        { key: "note", value: "Kunden ringde om en försenad leverans…" },
        { key: "durationSeconds", value: 340 },
      ],
      country: "SE",
    });
    expect(entry("Viewed Höstrea")?.summary).toBe(
      "/erbjudanden/host · via email (nyhetsbrev) · campaign host26 · Safari on iOS · SE",
    );
    expect(entry("Viewed Höstrea")?.data.detail).toMatchObject({
      subject: "/erbjudanden/host",
      channel: "email",
      source: "nyhetsbrev",
      campaign: "host26",
      device: { browser: "Safari", os: "iOS" },
    });
    expect(entry("Viewed screen Orderhistorik")?.summary).toMatch(/^ordersShown: 3 · dark_mode: true\b/);
    expect(entry("Identified")?.summary).toMatch(/^as kund-4711 · traits: email, plan\b/);
    // Neither the visitor's address nor one among the properties is shown.
    expect(timeline.raw).not.toContain("1.178.93");
    expect(JSON.stringify(entries.map((item) => [item.summary, item.data.detail]))).not.toContain("10.1.2.3");
  });

  it("flags an identity claimed by a second person instead of merging them", async () => {
    const first = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Anna", surname: "Berg", emails: [{ address: "anna.berg@example.se" }] },
    });
    const second = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Nils", surname: "Berg", emails: [{ address: "nils.berg@example.se" }] },
    });
    await send("identify", { anonymousId: "shared-laptop", traits: { email: "anna.berg@example.se" } });
    await send("identify", { anonymousId: "shared-laptop", traits: { email: "nils.berg@example.se" } });
    const conflicts = await api.call({ url: "/api/identity-conflicts" });
    expect(conflicts.body.items).toEqual([
      expect.objectContaining({
        kind: "anonymous",
        value: "shared-laptop",
        linkedPersonId: first.body.id,
        claimedPersonId: second.body.id,
        status: "open",
      }),
    ]);
    await send("page", { anonymousId: "shared-laptop", name: "Hem" });
    const stream = await events("anonymousId=shared-laptop&type=page");
    expect(stream[0].personId).toBe(first.body.id);
    const resolved = await api.call({
      method: "POST",
      url: `/api/identity-conflicts/${conflicts.body.items[0].id}/resolve`,
      payload: { decision: "move" },
    });
    expect(resolved.body.status).toBe("resolved");
    await send("page", { anonymousId: "shared-laptop", name: "Hem" });
    expect((await events("anonymousId=shared-laptop&type=page"))[0].personId).toBe(second.body.id);
  });

  it("registers a new person from identify traits, normalised like any other way in", async () => {
    await send("identify", {
      userId: "kund-9001",
      anonymousId: "anon-new",
      traits: { firstName: "  åsa ", lastName: "NORDIN", email: "Asa.Nordin@Example.SE", phone: "070-123 45 67" },
    });
    const [identify] = await events("userId=kund-9001");
    expect(identify.personId).toBeTruthy();
    const person = await api.call({ url: `/api/people/${identify.personId}` });
    expect(person.body).toMatchObject({ surname: "Nordin", lifecycleStage: "interested" });
    expect(person.body.emails[0].address).toBe("Asa.Nordin@example.se");
    expect(person.body.phones[0].e164).toBe("+46701234567");
  });

  it("handles alias by linking the previous id to the user's person", async () => {
    await send("identify", { userId: "kund-9001", anonymousId: "anon-new" });
    await send("alias", { previousId: "old-device", userId: "kund-9001" });
    await send("page", { anonymousId: "old-device", name: "Hem" });
    const [identify] = await events("userId=kund-9001");
    const [page] = await events("anonymousId=old-device");
    expect(page.personId).toBe(identify.personId);
  });

  it("lets only those who may read events see the stream", async () => {
    const noKey = await api.app.inject({ url: "/api/events" });
    expect(noKey.statusCode).toBe(401);
    const sales = await api.keyFor("sales");
    const asSales = await api.call({ url: "/api/events", key: sales.key });
    expect(asSales.status).toBe(200);
    const define = await api.call({
      method: "POST",
      url: "/api/computed-traits",
      key: sales.key,
      payload: { key: "x_30d", label: "x", eventType: "track", aggregate: "count", windowDays: 30 },
    });
    expect(define.status).toBe(403);
  });
});
