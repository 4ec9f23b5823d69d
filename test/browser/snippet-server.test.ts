import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../../src/modules/register";
import { createWriteKey } from "../../src/modules/sources";
import { type BrowserSession, openBrowserSession } from "./support";

/**
 * A shop on another origin embeds the one script tag the server serves; a visitor browses, then
 * fills in a form. The events land in the register through the real server.
 */
describe("the tracking snippet against the real server", () => {
  let session: BrowserSession;
  let shop: Server;
  let shopUrl: string;
  let writeKey = "";
  let personId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      writeKey = (await createWriteKey(ctx, { name: "Butiken", kind: "web" })).writeKey;
      personId = (
        await createPerson(ctx, {
          givenNames: "Greta",
          surname: "Sund",
          emails: [{ address: "greta.sund@example.se" }],
        })
      ).id;
    });
    const page = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title>
      <script async src="${session.baseUrl}/sdk/lanthandel.js" data-write-key="${writeKey}"></script></head>
      <body>${body}</body></html>`;
    shop = createServer((request, response) => {
      response.setHeader("content-type", "text/html; charset=utf-8");
      if (request.url?.startsWith("/kontakt")) {
        response.end(
          page(
            "Kontakt",
            `<form id="kontakt" action="/tack" method="get"><input name="email" type="email"><input name="password" type="password"><button>Skicka</button></form>`,
          ),
        );
      } else response.end(page("Butiken", "<h1>Välkommen</h1>"));
    });
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    shop?.close();
    await session?.close();
  });

  const events = async (query: string) => {
    const ctx = session.services.systemCtx("test");
    const { listTrackedEvents } = await import("../../src/modules/tracking");
    return (await listTrackedEvents(ctx, Object.fromEntries(new URLSearchParams(query)))).items;
  };
  const eventually = async <T>(probe: () => Promise<T[]>, count: number): Promise<T[]> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = await probe();
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return probe();
  };

  it("sends a page view with the visitor's screen, time zone and campaign, enriched by the server", async () => {
    const { page } = session;
    await page.goto(`${shopUrl}/?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=host26`);
    const views = await eventually(() => events("type=page"), 1);
    expect(views[0]).toMatchObject({ type: "page", sourceId: expect.any(String) });
    expect(views[0]?.context?.screen).toMatchObject({ width: 1360 });
    expect(views[0]?.enrichment?.reference).toMatchObject({
      channel: "email",
      source: "nyhetsbrev",
      campaign: "host26",
    });
    expect(views[0]?.enrichment?.device).toMatchObject({ browser: "Chrome" });
    expect(views[0]?.anonymousId).toBeTruthy();
  });

  it("identifies the visitor from a form, links the earlier visit to the person, and never sends the password", async () => {
    const { page } = session;
    await page.goto(`${shopUrl}/kontakt`);
    await page.fill("input[name=email]", "greta.sund@example.se");
    await page.fill("input[name=password]", "hemligt-lösenord");
    await page.click("button");
    const forms = await eventually(() => events("type=track&name=Form Submitted"), 1);
    expect(JSON.stringify(forms[0]?.properties)).not.toContain("hemligt");
    const linked = await eventually(() => events(`personId=${personId}`), 3);
    expect(linked.map((event) => event.type)).toEqual(expect.arrayContaining(["page", "identify", "track"]));
  });
});
