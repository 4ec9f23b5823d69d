import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { name: "Greta Ek", email: "greta@lanthandel.test", password: "första-lösenordet-1" };

/** A new installation, with no users at all: the first visitor creates the administrator. */
describe("the first run in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ page, baseUrl } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("asks the first visitor to create the administrator instead of signing in", async () => {
    await page.goto("/");
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByRole("heading", { name: "Skapa administratör" }).waitFor();
    await expect(page.getByRole("heading", { name: "Logga in" }).count()).resolves.toBe(0);
    await session.snapshot("first-run");
  });

  it("refuses a short password, then creates the administrator and signs in", async () => {
    await page.getByLabel("Namn").fill(ADMIN.name);
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill("kort");
    await page.getByRole("button", { name: "Skapa administratör" }).click();
    await expect
      .poll(() => describedBy(page.getByLabel("Lösenord", { exact: true })))
      .toContain("Lösenordet behöver minst 10 tecken");

    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Skapa administratör" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("heading", { name: `Välkommen, ${ADMIN.name}` }).waitFor();
    await expect(page.getByRole("button", { name: new RegExp(ADMIN.name) }).textContent()).resolves.toContain(
      "Administratör",
    );
  });

  it("offers the empty register demo data, and shows where it went", async () => {
    await page.getByRole("heading", { name: "Registret är tomt" }).waitFor();
    // The server shares this process and keeps it busy while it loads, so the request is held
    // back until the page has been seen waiting for it.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/demo", async (route) => {
      await released;
      await route.continue();
    });
    await page.getByRole("button", { name: "Ladda demodata" }).click();
    await page.getByText("Laddar demodata").waitFor();
    await session.snapshot("demo-loading");
    release();

    await page.getByText(/Demodata är laddad: 300 personer och \d+ organisationer/).waitFor({ timeout: 150_000 });
    await page.getByRole("link", { name: "Visa regeln" }).waitFor();
    await page.getByRole("link", { name: "Visa personerna" }).click();
    await page.waitForURL(`${baseUrl}/people`);
    await expect.poll(() => page.getByRole("row").count()).toBeGreaterThan(50);
    await page.getByRole("button", { name: "Visa fler" }).click();
    await expect.poll(() => page.getByRole("row").count()).toBeGreaterThan(100);
    await session.snapshot("people-demo");
    // The demo's rule has already written the sales letters, for whoever loaded the demo, greeting
    // Karl Stig Emanuel by the name he goes by.
    await page.getByRole("link", { name: "Översikt" }).click();
    const tasks = page.getByRole("table", { name: "Mina uppgifter" });
    await page.getByRole("button", { name: /Visa (alla \d+|de 50 första)/ }).click();
    const letter = tasks.getByRole("row").filter({ hasText: "Skicka säljbrev till Stig " });
    await expect.poll(() => letter.count()).toBe(1);
    await letter.getByRole("link").click();
    await page.getByRole("heading", { name: /^Stig / }).waitFor();
    await page.getByText("complaint_calls_90d", { exact: false }).first().waitFor();
    expect(session.pageErrors).toEqual([]);
  }, 240_000);
});
