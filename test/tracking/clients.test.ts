import { gzipSync } from "node:zlib";
import { Analytics as SegmentAnalytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/** A published server-side client library, pointed at our host and nothing else changed. */
describe.each(STORE_KINDS)("existing tracking clients [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;
  let host: string;

  beforeAll(async () => {
    api = await openTestApi(kind);
    writeKey = (await api.call({ method: "POST", url: "/api/sources", payload: { name: "Backend", kind: "server" } }))
      .body.writeKey;
    host = await api.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => api?.close());

  const stream = async (userId: string) =>
    (await api.call({ url: `/api/events?userId=${userId}&limit=50` })).body.items as Array<{
      type: string;
      name: string | null;
      properties: Record<string, unknown> | null;
      traits: Record<string, unknown> | null;
      personId: string | null;
    }>;

  it("accepts identify, track, page, group and alias from the Segment Node library", async () => {
    const analytics = new SegmentAnalytics({ writeKey, host, flushAt: 10, flushInterval: 50, maxRetries: 1 });
    const failures: unknown[] = [];
    analytics.on("error", (error) => failures.push(error));
    analytics.identify({ userId: "seg-1", traits: { firstName: "Maja", lastName: "Ek", email: "maja.ek@example.se" } });
    analytics.track({ userId: "seg-1", event: "Order Completed", properties: { total: 1_250, currency: "SEK" } });
    analytics.page({ userId: "seg-1", name: "Kassa", properties: { path: "/kassa" } });
    analytics.group({ userId: "seg-1", groupId: "org-77", traits: { name: "Ek & Söner AB" } });
    analytics.alias({ userId: "seg-1", previousId: "seg-anon-1" });
    await analytics.closeAndFlush({ timeout: 5_000 });
    expect(failures).toEqual([]);
    const events = await stream("seg-1");
    expect(events.map((event) => event.type).sort()).toEqual(["alias", "group", "identify", "page", "track"]);
    const track = events.find((event) => event.type === "track");
    expect(track).toMatchObject({ name: "Order Completed", properties: { total: 1_250, currency: "SEK" } });
    // identify registered Maja, and every later call of her user id is hers.
    expect(new Set(events.map((event) => event.personId)).size).toBe(1);
    expect(events[0]?.personId).toBeTruthy();
  });

  it("accepts the gzip-compressed batches that server libraries which compress send", async () => {
    // The request as such libraries make it: gzip, a charset in the content type, Basic auth,
    // a batch-level sentAt and each message's own timestamp, messageId and library context.
    const batch = [
      {
        type: "identify",
        userId: "rs-1",
        traits: { firstName: "Olle", lastName: "Holm", email: "olle.holm@example.se" },
      },
      { type: "track", userId: "rs-1", event: "Product Viewed", properties: { sku: "KAFFE-500" } },
      { type: "page", userId: "rs-1", name: "Produkt", properties: { path: "/kaffe" } },
    ].map((message, index) => ({
      ...message,
      messageId: `node-${index}-rs-1`,
      timestamp: new Date().toISOString(),
      context: { library: { name: "analytics-node", version: "3" } },
    }));
    const response = await fetch(`${host}/v1/batch`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`,
        "content-type": "application/json;charset=UTF-8",
        "content-encoding": "gzip",
      },
      body: gzipSync(JSON.stringify({ batch, sentAt: new Date().toISOString() })),
    });
    expect(response.status).toBe(200);
    const events = await stream("rs-1");
    expect(events.map((event) => event.type).sort()).toEqual(["identify", "page", "track"]);
    expect(events.find((event) => event.type === "track")?.properties).toMatchObject({ sku: "KAFFE-500" });
  });
});
