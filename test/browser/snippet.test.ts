import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const SNIPPET = fileURLToPath(new URL("../../sdk/lanthandel.js", import.meta.url));
const WRITE_KEY = "WK-test";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Longer than the snippet's one-second batching delay. */
const QUIET_MS = 1_600;

const STUB = `window.lanthandel=window.lanthandel||{q:[]}; ['identify','track','page','consent','reset'].forEach(function(m){lanthandel[m]=lanthandel[m]||function(){lanthandel.q.push([m,[].slice.call(arguments)])}})`;

interface Message {
  type: string;
  messageId: string;
  anonymousId: string;
  userId?: string;
  timestamp: string;
  sentAt: string;
  event?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  context: Record<string, unknown> & { page: Record<string, unknown> };
}

interface Received {
  method: string;
  contentType: string | undefined;
  body: { batch: Message[]; sentAt: string; writeKey: string } | null;
}

interface Lanthandel {
  identify(userId: string | Record<string, unknown>, traits?: Record<string, unknown>): void;
  track(event: string, properties?: Record<string, unknown>): void;
  page(): void;
  consent(granted: boolean): void;
  reset(): void;
}
// The page's globals, for the functions run inside it; the project compiles without the DOM types.
declare const lanthandel: Lanthandel;
declare const history: { pushState(state: unknown, unused: string, url: string): void };

/** A test site that serves the snippet and pages embedding it, and records what reaches /v1/batch. */
async function startServer(pages: (path: string) => string | null) {
  const received: Received[] = [];
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (path === "/v1/batch") {
      received.push({
        method: request.method ?? "",
        contentType: request.headers["content-type"],
        body: request.method === "POST" ? JSON.parse(body) : null,
      });
      response.writeHead(200, { "content-type": "application/json" }).end('{"success":true}');
      return;
    }
    if (path === "/sdk/lanthandel.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(SNIPPET));
      return;
    }
    const html = pages(path);
    if (html === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    messages: () => received.flatMap((entry) => entry.body?.batch ?? []),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function html(head: string, body = ""): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Butiken</title>${head}</head><body>${body}</body></html>`;
}

const tag = (attributes = "") =>
  `<script async src="/sdk/lanthandel.js" data-write-key="${WRITE_KEY}" ${attributes}></script>`;

const CONTACT_FORM = `
  <form id="kontakt" name="kontaktformular" action="/tack" method="post">
    <input type="email" name="email" value="">
    <input name="firstName"><input name="lastName"><input type="tel" name="telefon">
    <input type="password" name="losen"><input type="hidden" name="csrf" value="hemligt">
    <input name="personnummer"><input name="kortnummer">
    <textarea name="meddelande"></textarea>
    <input type="checkbox" name="nyhetsbrev" checked>
    <button type="submit">Skicka</button>
  </form>`;

describe("the tracking snippet", () => {
  let browser: Browser;
  let collector: Awaited<ReturnType<typeof startServer>>;
  let site: Awaited<ReturnType<typeof startServer>>;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: Error[];

  const messages = () => site.messages();

  async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages())}`);
      await sleep(50);
    }
  }
  const waitForMessage = (predicate: (message: Message) => boolean, what: string) =>
    waitFor(() => messages().find(predicate), what);
  const cookie = async () => (await context.cookies()).find((entry) => entry.name === "lh_aid");

  beforeAll(async () => {
    collector = await startServer(() => null);
    site = await startServer((path) => {
      switch (path) {
        case "/":
        case "/landning":
        case "/tack":
          return html(tag(), CONTACT_FORM);
        case "/samtycke":
          return html(tag('data-consent="required"'));
        case "/stub":
          return html(`<script>${STUB}
            lanthandel.identify("kund-17", { plan: "guld" });
            lanthandel.track("Price Viewed", { plan: "guld" });
            window.loadSnippet = function () {
              var s = document.createElement("script");
              s.async = true; s.src = "/sdk/lanthandel.js"; s.setAttribute("data-write-key", "${WRITE_KEY}");
              document.head.appendChild(s);
            };</script>`);
        case "/annan-vard":
          return html(tag(`data-host="${collector.origin}"`));
        default:
          return null;
      }
    });
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });

  beforeEach(async () => {
    site.received.length = 0;
    collector.received.length = 0;
    context = await browser.newContext({
      baseURL: site.origin,
      locale: "sv-SE",
      timezoneId: "Europe/Stockholm",
      viewport: { width: 1280, height: 720 },
      screen: { width: 1920, height: 1080 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it("sends a page view with screen, time zone, locale and the campaign from the URL", async () => {
    await page.goto("/landning?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=mars&utm_content=knapp");
    const view = await waitForMessage((message) => message.type === "page", "the page view");
    const url = `${site.origin}/landning?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=mars&utm_content=knapp`;
    expect(view.properties).toEqual({
      url,
      path: "/landning",
      search: "?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=mars&utm_content=knapp",
      title: "Butiken",
      referrer: "",
    });
    expect(view.context).toMatchObject({
      page: { url, path: "/landning", title: "Butiken" },
      screen: { width: 1920, height: 1080 },
      timezone: "Europe/Stockholm",
      locale: "sv-SE",
      campaign: { name: "mars", source: "nyhetsbrev", medium: "email", content: "knapp" },
      library: { name: "lanthandel.js", version: "1" },
    });
    expect(view.context.userAgent).toEqual(await page.evaluate(() => navigator.userAgent));
    expect(view.messageId).toMatch(UUID);
    expect(view.anonymousId).toMatch(UUID);
    expect(Date.parse(view.timestamp)).not.toBeNaN();
    expect(Date.parse(view.sentAt)).toBeGreaterThanOrEqual(Date.parse(view.timestamp));

    const [post] = site.received;
    expect(post).toMatchObject({ method: "POST", contentType: "text/plain", body: { writeKey: WRITE_KEY } });
    expect(post?.body?.sentAt).toBe(view.sentAt);
    expect(site.received.filter((entry) => entry.method === "OPTIONS")).toEqual([]);
  });

  it("keeps one anonymous id in the lh_aid cookie across reloads", async () => {
    await page.goto("/");
    const first = await waitForMessage((message) => message.type === "page", "the first page view");
    const stored = await cookie();
    expect(stored).toMatchObject({ value: first.anonymousId, path: "/", sameSite: "Lax", secure: false });
    const yearFromNow = Date.now() / 1000 + 365 * 24 * 3600;
    expect(Math.abs((stored?.expires ?? 0) - yearFromNow)).toBeLessThan(60);

    await page.reload();
    await waitFor(
      () => (messages().filter((message) => message.type === "page").length === 2 ? true : undefined),
      "a second view",
    );
    expect(new Set(messages().map((message) => message.anonymousId))).toEqual(new Set([first.anonymousId]));
    expect((await cookie())?.value).toBe(first.anonymousId);
  });

  it("sends and stores nothing in consent-required mode until consent is given, and stops when it is withdrawn", async () => {
    await page.goto("/samtycke");
    await page.evaluate(() => lanthandel.track("Clicked Before Consent"));
    await sleep(QUIET_MS);
    expect(site.received).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.evaluate(() => lanthandel.consent(true));
    const view = await waitForMessage((message) => message.type === "page", "the page view after consent");
    expect(messages().map((message) => message.event ?? message.type)).toEqual(["page", "Clicked Before Consent"]);
    expect((await cookie())?.value).toBe(view.anonymousId);

    await page.evaluate(() => {
      lanthandel.identify("kund-9");
      lanthandel.consent(false);
      lanthandel.track("After Withdrawal");
    });
    await sleep(QUIET_MS);
    expect(messages().some((message) => message.event === "After Withdrawal" || message.type === "identify")).toBe(
      false,
    );
    expect(await cookie()).toBeUndefined();
    expect(await page.evaluate(() => localStorage.getItem("lh_uid"))).toBeNull();
  });

  it("identifies the visitor by a form's e-mail and tracks the submission without secret fields", async () => {
    await page.goto("/");
    await page.locator('[name="email"]').fill("karin.lind@example.se");
    await page.locator('[name="firstName"]').fill("Karin");
    await page.locator('[name="lastName"]').fill("Lind");
    await page.locator('[name="telefon"]').fill("070-123 45 67");
    await page.locator('[name="losen"]').fill("hunter2-hemligt");
    await page.locator('[name="personnummer"]').fill("19121212-1212");
    await page.locator('[name="kortnummer"]').fill("4111 1111 1111 1111");
    await page.locator('[name="meddelande"]').fill("Ring mig om offerten.");
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.waitForURL(`${site.origin}/tack`);

    const submitted = await waitForMessage((message) => message.event === "Form Submitted", "the form submission");
    const identify = messages().find((message) => message.type === "identify");
    expect(identify?.traits).toEqual({
      email: "karin.lind@example.se",
      firstName: "Karin",
      lastName: "Lind",
      phone: "070-123 45 67",
    });
    expect(messages().indexOf(identify as Message)).toBeLessThan(messages().indexOf(submitted));
    expect(submitted.properties).toEqual({
      formId: "kontakt",
      formName: "kontaktformular",
      action: `${site.origin}/tack`,
      fields: {
        email: "karin.lind@example.se",
        firstName: "Karin",
        lastName: "Lind",
        telefon: "070-123 45 67",
        meddelande: "Ring mig om offerten.",
        nyhetsbrev: true,
      },
    });
    const everything = JSON.stringify(site.received);
    for (const secret of ["hunter2", "hemligt", "19121212", "4111"]) expect(everything).not.toContain(secret);
  });

  it("replays calls made through the stub before the snippet loaded", async () => {
    await page.goto("/stub");
    expect(
      await page.evaluate(() => (globalThis as unknown as { lanthandel: { q: unknown[] } }).lanthandel.q.length),
    ).toBe(2);
    await page.evaluate(() => (globalThis as unknown as { loadSnippet(): void }).loadSnippet());
    await waitForMessage((message) => message.type === "page" && message.userId === "kund-17", "the page view");
    // The previous page may still flush its last batch as it is left; only this page's count.
    const mine = messages().filter((message) => message.userId === "kund-17");
    expect(mine.map((message) => [message.type, message.event ?? null, message.userId ?? null])).toEqual([
      ["identify", null, "kund-17"],
      ["track", "Price Viewed", "kund-17"],
      ["page", null, "kund-17"],
    ]);
    expect(mine[0]?.traits).toEqual({ plan: "guld" });
  });

  it("puts the user id of identify on later events and pages, and forgets it on reset", async () => {
    await page.goto("/");
    const anonymous = await waitForMessage((message) => message.type === "page", "the page view");
    expect(anonymous.userId).toBeUndefined();
    await page.evaluate(() => {
      lanthandel.identify("kund-42", { email: "kund42@example.se" });
      lanthandel.track("Offer Opened", { offer: "A-17" });
    });
    const opened = await waitForMessage((message) => message.event === "Offer Opened", "the tracked event");
    expect(opened).toMatchObject({ userId: "kund-42", anonymousId: anonymous.anonymousId });
    expect(await page.evaluate(() => localStorage.getItem("lh_uid"))).toBe("kund-42");

    await page.reload();
    await waitForMessage((message) => message.type === "page" && message.userId === "kund-42", "a known page view");

    await page.evaluate(() => {
      lanthandel.reset();
      lanthandel.track("After Reset");
    });
    const after = await waitForMessage((message) => message.event === "After Reset", "the event after reset");
    expect(after.userId).toBeUndefined();
    expect(after.anonymousId).toMatch(UUID);
    expect(after.anonymousId).not.toBe(anonymous.anonymousId);
    expect((await cookie())?.value).toBe(after.anonymousId);
  });

  it("sends at most 20 messages per request, and what is queued when the visitor leaves", async () => {
    await page.goto("/");
    await waitForMessage((message) => message.type === "page", "the page view");
    site.received.length = 0;
    await page.evaluate(() => {
      for (let i = 1; i <= 25; i++) lanthandel.track("Scrolled", { step: i });
    });
    await page.goto("about:blank");
    // Only this page's requests count: an earlier page may still flush as it is left.
    // Delivery is at least once: a batch still in flight when the page is left goes again with
    // the rest by beacon (on a busy machine), and the API stores a messageId once.
    const scrolled = () => [
      ...new Map(
        messages()
          .filter((message) => message.event === "Scrolled")
          .map((message) => [message.messageId, message]),
      ).values(),
    ];
    await waitFor(() => (scrolled().length === 25 ? true : undefined), "all 25 events");
    const requests = site.received.filter((entry) => entry.body?.batch.some((message) => message.event === "Scrolled"));
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((entry) => (entry.body?.batch.length ?? 0) <= 20)).toBe(true);
    expect(scrolled().map((message) => message.properties?.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("sends a page view for each in-app navigation, with the previous page as referrer", async () => {
    await page.goto("/");
    await waitForMessage((message) => message.type === "page", "the first view");
    await page.evaluate(() => history.pushState({}, "", "/produkter?sort=pris"));
    const next = await waitForMessage(
      (message) => message.type === "page" && message.properties?.path === "/produkter",
      "the view after pushState",
    );
    expect(next.properties).toMatchObject({ search: "?sort=pris", referrer: `${site.origin}/` });
    expect(next.context.page).toMatchObject({ path: "/produkter", referrer: `${site.origin}/` });
    await page.goBack();
    await waitFor(
      () => (messages().filter((message) => message.type === "page").length === 3 ? true : undefined),
      "the view after going back",
    );
    expect(messages().at(-1)?.properties).toMatchObject({ path: "/", referrer: `${site.origin}/produkter?sort=pris` });
  });

  it("sends to the collector named by data-host without a CORS preflight", async () => {
    await page.goto("/annan-vard");
    await waitFor(() => collector.messages().find((message) => message.type === "page"), "a view at the collector");
    expect(site.received).toEqual([]);
    expect(collector.received.map((entry) => entry.method)).toEqual(["POST"]);
  });
});
