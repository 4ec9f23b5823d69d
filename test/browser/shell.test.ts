import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { BROWSER_TIME_ZONE, type BrowserSession, openBrowserSession } from "./support";

const ADMIN = { email: "astrid@lanthandel.test", name: "Astrid Lind", password: "rätt-lösenord-42" };
const NEW_PASSWORD = "ett-nytt-lösenord-7";
const COLLEAGUE = { email: "bertil@lanthandel.test", name: "Bertil Berg", password: "ett-långt-lösenord" };

const longDate = (tag: string) =>
  new Intl.DateTimeFormat(tag, { dateStyle: "full", timeZone: BROWSER_TIME_ZONE }).format(new Date());

/**
 * One admin's visit, step by step, on the real server and the built web app. The steps share
 * the browser page, so each starts where the one before it ended.
 */
describe("the web shell", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let apiKey = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      await createUser(services.systemCtx("test"), { ...ADMIN, role: "admin" });
    });
    ({ page, baseUrl } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const navigation = () => page.getByRole("navigation");
  const snapshot = (name: string) => session.snapshot(name);
  const userMenu = () => page.getByRole("button", { name: new RegExp(ADMIN.name) });

  it("answers a page path with the app, and a missing script with 404", async () => {
    const pagePath = await page.request.get("/people/okand");
    expect(pagePath.status()).toBe(200);
    expect(pagePath.headers()["content-type"]).toContain("text/html");
    const chunk = await page.request.get("/assets/index-gammal.js");
    expect(chunk.status()).toBe(404);
    expect(chunk.headers()["content-type"]).toContain("application/problem+json");
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    await page.goto("/");
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByRole("heading", { name: "Logga in" }).waitFor();
  });

  it("says so when the password is wrong", async () => {
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("alert").filter({ hasText: "Fel e-post eller lösenord" }).waitFor();
    await snapshot("login-error");
    expect(page.url()).toBe(`${baseUrl}/login`);
  });

  it("signs in to the shell with every module in the menu and a greeting", async () => {
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("heading", { name: `Välkommen, ${ADMIN.name}` }).waitFor();
    await page.getByText(longDate("sv-SE")).waitFor();
    const labels = await navigation().getByRole("link").allInnerTexts();
    expect(labels).toEqual([
      "Översikt",
      "Personer",
      "Organisationer",
      "Händelser",
      "Regler",
      "Försäljning",
      "Kampanjer",
      "Ärenden",
      "Kundresa",
      "Administration",
    ]);
    await expect(userMenu().textContent()).resolves.toContain("Administratör");
    await snapshot("overview");
  });

  it("shows a plain placeholder for a module that is not built yet", async () => {
    await navigation().getByRole("link", { name: "Ärenden" }).click();
    await page.waitForURL(`${baseUrl}/cases`);
    await page.getByRole("heading", { name: "Ärenden" }).waitFor();
    await page.getByText("Ärenden är inte byggd än").waitFor();
  });

  it("switches to English at once and keeps the choice after a reload", async () => {
    await userMenu().click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await navigation().getByRole("link", { name: "People" }).waitFor();
    await page.getByRole("heading", { name: "Cases" }).waitFor();
    await page.reload();
    await navigation().getByRole("link", { name: "Organisations" }).waitFor();
    await navigation().getByRole("link", { name: "Overview" }).click();
    await page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` }).waitFor();
    await page.getByText(longDate("en-GB")).waitFor();
  });

  it("shows why a new user was refused, then adds the user", async () => {
    await navigation().getByRole("link", { name: "Administration" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    const form = page.locator("form").filter({ hasText: "New user" });
    await form.getByLabel("Name", { exact: true }).fill(COLLEAGUE.name);
    await form.getByLabel("E-mail").fill(COLLEAGUE.email);
    await form.getByLabel("Password", { exact: true }).fill("kort");
    await form.getByRole("button", { name: "Create user" }).click();
    await form.getByText("The password needs at least 10 characters").waitFor();

    await form.getByLabel("Password", { exact: true }).fill(COLLEAGUE.password);
    await form.getByLabel("Role", { exact: true }).click();
    await page.getByRole("option", { name: "Support" }).click();
    await form.getByRole("button", { name: "Create user" }).click();
    await form.getByText(`${COLLEAGUE.name} has been added.`).waitFor();
    const row = page.getByRole("row").filter({ hasText: COLLEAGUE.email });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Support");
    await snapshot("admin-users");
  });

  it("shows a new API key once, and the key works", async () => {
    await page.getByRole("tab", { name: "API keys" }).click();
    await page.getByLabel("Key name").fill("Webbshop");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByText("It will not be shown again").waitFor();
    apiKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
    expect(apiKey).toMatch(/^lh_/);
    await snapshot("api-key");

    const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(me.status).toBe(200);

    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("row").filter({ hasText: "Webbshop" }).waitFor();
    await expect(page.getByText(apiKey).count()).resolves.toBe(0);
  });

  it("revokes an API key after asking, and the key stops working", async () => {
    const row = page.getByRole("row").filter({ hasText: "Webbshop" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await row.getByText("Revoked").waitFor();
    const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(me.status).toBe(401);
  });

  it("lists what happened in the audit log", async () => {
    await page.getByRole("tab", { name: "Audit log" }).click();
    // Actions read as words, in the user's language; the code stays in the title.
    await page.getByRole("row").filter({ hasText: "User created" }).first().waitFor();
    const keyCreated = page.getByRole("row").filter({ hasText: "API key created" }).first();
    await expect(keyCreated.getByTitle("api_key.create").count()).resolves.toBe(1);
    await keyCreated.getByRole("button", { name: "Show details" }).click();
    await page.getByText('"name": "Webbshop"').waitFor();
    await snapshot("audit-log");
  });

  it("changes one's own password with the current one, and stays signed in", async () => {
    await userMenu().click();
    await page.getByRole("menuitem", { name: "Change password" }).click();
    const dialog = page.getByRole("dialog", { name: "Change password" });
    await dialog.getByLabel("Current password", { exact: true }).fill("fel-lösenord-1");
    await dialog.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await dialog.getByRole("button", { name: "Change password" }).click();
    await dialog.getByText("The current password is not right").waitFor();
    await dialog.getByLabel("Current password", { exact: true }).fill(ADMIN.password);
    await dialog.getByRole("button", { name: "Change password" }).click();
    await dialog.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();
    await snapshot("change-password");
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.reload();
    // In the user administration too, one's own password asks for the current one.
    await page.getByRole("button", { name: `Actions for ${ADMIN.name}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const drawer = page.getByRole("dialog", { name: `Edit ${ADMIN.name}` });
    await drawer.getByLabel("Current password", { exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "Audit log" }).click();
    await page.getByRole("row").filter({ hasText: "Password changed" }).first().waitFor();
    expect(page.url()).toBe(`${baseUrl}/admin`);
  });

  it("signs out, after which the shell is closed", async () => {
    await userMenu().click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.goto("/admin");
    await page.waitForURL(`${baseUrl}/login?redirect=%2Fadmin`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it("signs in again with the new password, not the old one", async () => {
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" }).waitFor();
    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(session.pageErrors).toEqual([]);
  });
});
