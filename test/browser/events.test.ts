import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "maja@lanthandel.test", name: "Maja Ström", password: "ett-långt-lösenord-9" };
const SOURCE = "Webbshoppen";
const TRAIT = "Kassabesök, 30 dagar";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
/** Inside a range the bundled table places in Sweden. */
const SWEDISH_IP = "1.178.93.17";

/** What a shop's pages send: a visitor on a phone in Sweden who came from the newsletter. */
function visit(anonymousId: string, name: string, path: string): Record<string, unknown> {
  const url = `https://butiken.example.se${path}?utm_source=nyhetsbrev&utm_medium=email`;
  return {
    type: "page",
    name,
    anonymousId,
    properties: { path, url, title: name },
    context: { ip: SWEDISH_IP, userAgent: IPHONE, page: { url, path } },
  };
}

/**
 * Setting up event collection as a marketer would, on the real server and the built web app:
 * a source and its key, events from a shop, a refused batch in the debugger, a computed trait,
 * and the person the events turn out to belong to. The steps share the browser page.
 */
describe("event collection in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let writeKey = "";
  let karinId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      await createUser(services.systemCtx("test"), { ...ADMIN, role: "admin" });
    });
    ({ page, baseUrl } = session);
    await page.goto("/login");
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const snapshot = (name: string, fullPage = false) =>
    page.screenshot({ path: `/tmp/events-${name}.png`, animations: "disabled", fullPage });
  const tab = (name: string | RegExp) => page.getByRole("tab", { name });
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const tableRows = (name: string) => page.getByRole("table", { name }).locator("tbody tr");
  const expectMessage = async (input: Locator, message: string) => {
    await expect.poll(() => describedBy(input)).toContain(message);
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  };
  /** A shop's server sending a batch, with the write key as the HTTP Basic user name. */
  const sendBatch = (batch: unknown[]) =>
    fetch(`${baseUrl}/v1/batch`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ batch }),
    });
  /** Registers a person through the API with the signed-in browser's session and CSRF token. */
  const createPerson = (givenNames: string, surname: string, email: string) =>
    page.evaluate(
      async (body) => {
        const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } })
          .localStorage;
        const response = await fetch("/api/people", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": storage.getItem("lh_csrf") ?? "" },
          body: JSON.stringify(body),
        });
        return ((await response.json()) as { id: string }).id;
      },
      { givenNames, surname, lifecycleStage: "interested", emails: [{ address: email }] },
    );

  it("opens the events module from the menu, with nothing received yet", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Händelser" }).click();
    await page.waitForURL(`${baseUrl}/events`);
    await page.getByRole("heading", { level: 1, name: "Händelser" }).waitFor();
    await page.getByText("Inga händelser har tagits emot än.").waitFor();
    await page.getByText("Live", { exact: true }).waitFor();
  });

  it("creates a source and shows its write key once, with the tag to paste", async () => {
    await tab("Källor").click();
    await page.waitForURL(`${baseUrl}/events/sources`);
    await page.getByLabel("Namn", { exact: true }).fill(SOURCE);
    await page.getByRole("button", { name: "Skapa källa" }).click();
    await page.getByText("Den visas inte igen").waitFor();
    writeKey = (await page.getByTestId("new-write-key").textContent())?.trim() ?? "";
    expect(writeKey).toMatch(/^wk[0-9a-f]{48}$/);
    await expect
      .poll(() => page.getByTestId("snippet-tag").textContent())
      .toBe(`<script async src="${baseUrl}/sdk/lanthandel.js" data-write-key="${writeKey}"></script>`);
    await snapshot("source-created");

    await page.getByRole("button", { name: "Klar" }).click();
    await tableRows("Källor").filter({ hasText: SOURCE }).getByText(writeKey.slice(0, 8)).waitFor();
    await expect(page.getByText(writeKey).count()).resolves.toBe(0);
  });

  it("takes a shop's events with the key, and refuses a batch with a nameless track call", async () => {
    const accepted = await sendBatch([
      visit("anon-1", "Start", "/"),
      visit("anon-1", "Kassa", "/kassa"),
      {
        type: "track",
        event: "Lade i varukorg",
        anonymousId: "anon-1",
        properties: { sku: "GODSEL-40", pris: 249 },
        context: { ip: SWEDISH_IP, userAgent: IPHONE },
      },
    ]);
    expect(accepted.status).toBe(200);
    const refused = await sendBatch([{ type: "track", anonymousId: "anon-1", properties: { pris: 99 } }]);
    expect(refused.status).toBe(400);
  });

  it("shows the events in the stream, filters them by type, and opens one in full", async () => {
    await tab("Händelseström").click();
    await page.waitForURL(`${baseUrl}/events`);
    const stream = () => tableRows("Händelseström");
    // The stream was empty when last read; it finds the new events by itself.
    const added = stream().filter({ hasText: "Lade i varukorg" });
    await added.waitFor();
    await expect.poll(() => stream().count()).toBe(3);
    const text = (await added.textContent()) ?? "";
    expect(text).toContain("Anonym besökare");
    expect(text).toContain("Safari på iOS");
    expect(text).toContain("Sverige");
    expect(text).toContain(SOURCE);

    await page.getByRole("combobox", { name: "Typ", exact: true }).click();
    await page.getByRole("option", { name: "Sidvisning" }).click();
    await page.waitForURL(`${baseUrl}/events?type=page`);
    await expect.poll(() => stream().count()).toBe(2);
    const checkout = stream().filter({ hasText: "Visade Kassa" });
    await checkout.getByText("E-post").waitFor();
    await checkout.getByText("nyhetsbrev").waitFor();
    await snapshot("stream");

    await checkout.getByRole("button", { name: "Visade Kassa" }).click();
    const drawer = page.getByRole("dialog", { name: "Visade Kassa" });
    await drawer.getByRole("region", { name: "Egenskaper" }).getByText('"path": "/kassa"').waitFor();
    await drawer.getByRole("region", { name: "Berikning" }).getByText('"country": "SE"').waitFor();
    await drawer.getByRole("region", { name: "Kontext" }).getByText('"userAgent"').waitFor();
    await snapshot("drawer");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
  });

  it("pauses the live stream and resumes it", async () => {
    await page.getByRole("button", { name: "Pausa" }).click();
    await page.getByText("Pausad", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.getByText("Live", { exact: true }).waitFor();
  });

  it("shows the refused batch in the source's debugger, with the field and what was sent", async () => {
    await tab("Källor").click();
    await page.getByRole("link", { name: SOURCE }).click();
    await page.waitForURL(/\/events\/sources\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 2, name: SOURCE }).waitFor();
    const rejections = region("Avvisade anrop");
    await rejections.getByText("Ogiltigt meddelande").waitFor();
    await rejections.getByText("invalid_message").waitFor();
    await rejections.getByText("batch.0.event").waitFor();
    await rejections.getByText('"pris":99', { exact: false }).waitFor();
    await expect.poll(() => tableRows("Senaste händelser").count()).toBe(3);
    await expect(tab("Källor").getAttribute("aria-selected")).resolves.toBe("true");
    await snapshot("debugger", true);
  });

  it("defines a computed trait, after being told what is wrong with the key", async () => {
    await tab("Beräknade mått").click();
    await page.waitForURL(`${baseUrl}/events/traits`);
    await page.getByText("Inga beräknade mått än.").waitFor();
    await page.getByRole("button", { name: "Nytt mått" }).click();
    const form = page.getByRole("dialog", { name: "Nytt beräknat mått" });
    await form.getByLabel("Nyckel").fill("Kassabesök 30d");
    await form.getByRole("textbox", { name: "Namn", exact: true }).fill(TRAIT);
    await form.getByRole("combobox", { name: "Händelsetyp" }).click();
    await page.getByRole("option", { name: "Sidvisningar (page)" }).click();
    await form.getByLabel("Händelsenamn").fill("Kassa");
    await form.getByRole("button", { name: "Lägg till villkor" }).click();
    await form.getByRole("textbox", { name: "Egenskap", exact: true }).fill("path");
    await form.getByRole("textbox", { name: "Värde", exact: true }).fill("/kassa");
    await expect(form.getByLabel("Egenskap att beräkna").count()).resolves.toBe(0);
    await form.getByRole("button", { name: "Skapa mått" }).click();

    await form.getByRole("alert").filter({ hasText: "Kontrollera de markerade fälten" }).waitFor();
    await expectMessage(form.getByLabel("Nyckel"), "Små bokstäver, siffror och _");
    await snapshot("trait-invalid");

    await form.getByLabel("Nyckel").fill("kassabesok_30d");
    await form.getByRole("button", { name: "Skapa mått" }).click();
    await form.waitFor({ state: "hidden" });
    const row = tableRows("Beräknade mått").filter({ hasText: TRAIT });
    await row.getByText("Antal visningar av sidan ”Kassa” där path är lika med /kassa").waitFor();
    await row.getByText("30 dagar", { exact: true }).waitFor();
    await row.getByText("kassabesok_30d").waitFor();
    await snapshot("traits");
  });

  it("counts a visitor's checkout visits on their page once an identify names them", async () => {
    karinId = await createPerson("Karin", "Ek", "karin.ek@example.se");
    expect((await sendBatch([visit("anon-2", "Kassa", "/kassa"), visit("anon-2", "Kassa", "/kassa")])).status).toBe(
      200,
    );
    const identify = { type: "identify", anonymousId: "anon-2", traits: { email: "karin.ek@example.se" } };
    expect((await sendBatch([identify])).status).toBe(200);

    await page.goto(`/people/${karinId}`);
    await page.getByRole("heading", { level: 1, name: "Karin Ek" }).waitFor();
    const behaviour = region("Beteende");
    await behaviour.getByText(TRAIT).waitFor();
    await expect.poll(() => behaviour.getByTestId("trait-kassabesok_30d").textContent()).toBe("2");

    await page.getByRole("group", { name: "Visa typer" }).getByText("Beteende", { exact: true }).click();
    const timeline = page.getByRole("list", { name: "Tidslinje" });
    await expect.poll(() => timeline.getByRole("listitem").count()).toBe(3);
    await timeline.getByRole("listitem").filter({ hasText: "Identifierad" }).waitFor();
    const checkout = timeline.getByRole("listitem").filter({ hasText: "Visade Kassa" }).first();
    await checkout.getByText("/kassa · via e-post (nyhetsbrev) · Safari på iOS · Sverige", { exact: true }).waitFor();
    await timeline
      .getByRole("listitem")
      .filter({ hasText: "Identifierad" })
      .getByText("uppgifter: email", { exact: false })
      .waitFor();
    await snapshot("person", true);

    await behaviour.getByRole("link", { name: "Visa händelser" }).click();
    await page.waitForURL(`${baseUrl}/events?personId=${karinId}`);
    await page.getByText("Visar en persons händelser").waitFor();
    await expect.poll(() => tableRows("Händelseström").count()).toBe(3);
    await tableRows("Händelseström").first().getByRole("link", { name: "Karin Ek" }).waitFor();
  });

  it("flags an id two people claim, and keeps it with the person it belonged to", async () => {
    await createPerson("Olle", "Ek", "olle.ek@example.se");
    const claim = { type: "identify", anonymousId: "anon-2", traits: { email: "olle.ek@example.se" } };
    expect((await sendBatch([claim])).status).toBe(200);

    await tab(/^Identitetskonflikter/).click();
    await page.waitForURL(`${baseUrl}/events/conflicts`);
    const row = tableRows("Identitetskonflikter").filter({ hasText: "anon-2" });
    await row.getByRole("link", { name: "Karin Ek" }).waitFor();
    await row.getByRole("link", { name: "Olle Ek" }).waitFor();
    await expect(tab(/^Identitetskonflikter/).textContent()).resolves.toContain("1");
    await snapshot("conflicts");

    await row.getByRole("button", { name: "Behåll" }).click();
    await page.getByText("Inga öppna konflikter.").waitFor();
  });

  it("speaks English too, down to the channel and the country", async () => {
    await page.getByRole("button", { name: new RegExp(ADMIN.name) }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await tab("Event stream").click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    const row = tableRows("Event stream").filter({ hasText: "Viewed Start" });
    await row.getByText("Sweden").waitFor();
    await row.getByText("E-mail").waitFor();
    await row.getByText("Safari on iOS").waitFor();
    await snapshot("stream-en");
    expect(session.pageErrors).toEqual([]);
  });
});
