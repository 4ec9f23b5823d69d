import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchPerson } from "../../src/flows/match-person";
import { createUser } from "../../src/modules/access";
import { createPerson } from "../../src/modules/register";
import { BROWSER_TIME_ZONE, type BrowserSession, openBrowserSession } from "./support";

const ADMIN = { email: "ebba@lanthandel.test", name: "Ebba Rask", password: "ett-långt-lösenord-7" };
const SELLER = { email: "sune@lanthandel.test", name: "Sune Säljare", password: "ett-långt-lösenord-8" };
const UPPSALA = { street: "Kungsgatan 4", postalCode: "753 21", city: "Uppsala" };

/**
 * Privacy actions as each role meets them on a person's page, and what is left after an erasure:
 * a seller is not offered an export the server would refuse; an administrator erases a customer
 * who had a possible duplicate, and the erased record's page says it is erased and nothing more.
 */
describe("erasure in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let erasedId = "";

  const signIn = async (target: Page, user: { email: string; password: string }) => {
    await target.goto("/login");
    await target.getByLabel("E-post").fill(user.email);
    await target.getByLabel("Lösenord", { exact: true }).fill(user.password);
    await target.getByRole("button", { name: "Logga in" }).click();
    await target.waitForURL(`${baseUrl}/`);
  };
  const openPerson = async (target: Page, personId: string) => {
    await target.goto(`/people/${personId}`);
    await target.getByRole("heading", { level: 1 }).waitFor();
  };

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      await createUser(ctx, { ...SELLER, role: "sales" });
      // A customer without the population register's marking (so her greeting is a guess), and
      // the same woman again from a web shop: a pair for review.
      const customer = await createPerson(ctx, {
        givenNames: "Åsa Maria",
        surname: "Wikström",
        birthDate: "1984-11-02",
        lifecycleStage: "customer",
        emails: [{ address: "asa.wikstrom@example.se" }],
        address: UPPSALA,
      });
      erasedId = customer.id;
      const second = await createPerson(ctx, {
        givenNames: "Asa",
        surname: "Wikstrom",
        birthDate: "1984-11-02",
        emails: [{ address: "asaw@example.se" }],
        address: UPPSALA,
      });
      const matched = await matchPerson(ctx, second.id);
      if (matched.queued !== 1) throw new Error("the two records of Åsa Wikström were not queued for review");
    });
    ({ page, baseUrl } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("offers a seller neither the data export nor erasure, which their role may not use", async () => {
    const context = await session.browser.newContext({ baseURL: baseUrl, locale: "sv-SE" });
    const seller = await context.newPage();
    await signIn(seller, SELLER);
    await openPerson(seller, erasedId);
    await seller.getByRole("heading", { level: 1, name: /Wikström/ }).waitFor();
    // The seller may still edit an unowned customer; only the privacy actions are kept from them.
    await seller.getByRole("button", { name: "Redigera" }).waitFor();
    await expect(seller.getByRole("button", { name: "Mer" }).count()).resolves.toBe(0);
    await expect(seller.getByText("Registerutdrag").count()).resolves.toBe(0);
    await context.close();
  });

  it("erases the customer, whose page then says so and offers nothing more", async () => {
    await signIn(page, ADMIN);
    await openPerson(page, erasedId);
    await page.getByRole("group", { name: "Möjliga dubbletter" }).getByRole("link", { name: "Granska" }).waitFor();
    await page.getByRole("button", { name: "Mer" }).click();
    await page.getByRole("menuitem", { name: "Radera personuppgifter" }).click();
    const dialog = page.getByRole("dialog", { name: "Radera personuppgifterna?" });
    await dialog.getByLabel("Skäl").fill("Kundens begäran per telefon");
    await dialog.getByRole("button", { name: "Radera" }).click();
    await page.waitForURL(`${baseUrl}/people`);

    await openPerson(page, erasedId);
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: BROWSER_TIME_ZONE }).format(new Date());
    const notice = page.getByTestId("erased-notice");
    await notice.getByText(`Raderad ${today}`).waitFor();
    await notice.getByText("Personens uppgifter är raderade ur registret").waitFor();
    await page.getByRole("heading", { level: 1, name: "Raderad person" }).waitFor();
    await session.snapshot("erased-person", { fullPage: true });
    for (const gone of ["Kund", "Osäkert tilltalsnamn", "Möjliga dubbletter", "Granska", "Regelbeslut"]) {
      await expect(page.getByText(gone, { exact: true }).count(), gone).resolves.toBe(0);
    }
    for (const action of ["Mer", "Redigera", "Logga aktivitet", "Ladda upp dokument", "Sök dubbletter"]) {
      await expect(page.getByRole("button", { name: action }).count(), action).resolves.toBe(0);
    }

    await page.goto("/people/duplicates");
    await page.getByRole("tab", { name: /Dubbletter/ }).waitFor();
    await expect.poll(() => page.getByText("Wikstrom").count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
