import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createPerson } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const SARA = { email: "sara@lanthandel.test", name: "Sara Säljare", password: "ett-långt-lösenord-9" };
const OLLE = { email: "olle@lanthandel.test", name: "Olle Kollega", password: "ett-långt-lösenord-9" };

/**
 * A seller saves the list she opens every Monday, shares it, and a colleague opens it from his
 * own menu; neither needs to rebuild the filters by hand.
 */
describe("saved lists, in the browser", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...SARA, role: "sales" });
      await createUser(ctx, { ...OLLE, role: "sales" });
      for (const [givenNames, surname, city, lifecycleStage] of [
        ["Anna", "Alm", "Visby", "customer"],
        ["Bo", "Berg", "Visby", "lead"],
        ["Cia", "Ceder", "Slite", "customer"],
      ] as const) {
        await createPerson(ctx, {
          givenNames,
          surname,
          lifecycleStage,
          address: { street: "Storgatan 1", postalCode: "621 55", city },
        });
      }
    });
    ({ page } = session);
    await signIn(session, SARA);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const names = () => page.locator("td > a").allInnerTexts();

  it("saves the list as it is, shared, and opens it again from the menu", async () => {
    await page.goto("/people?city=Visby&stage=customer");
    await expect.poll(names).toEqual(["Anna Alm"]);
    await page.getByRole("button", { name: "Sparade listor" }).click();
    await page.getByRole("menuitem", { name: "Inga sparade listor än" }).waitFor();
    await page.getByRole("menuitem", { name: "Spara listan…" }).click();
    const dialog = page.getByRole("dialog", { name: "Spara listan" });
    await dialog.getByRole("textbox", { name: "Namn" }).fill("Kunder i Visby");
    await dialog.getByRole("checkbox", { name: "Dela med kollegorna" }).check();
    await session.snapshot("saved-list-save");
    await dialog.getByRole("button", { name: "Spara" }).click();
    await dialog.waitFor({ state: "hidden" });
    // The button now bears the name of the list shown.
    await page.getByRole("button", { name: "Kunder i Visby" }).waitFor();

    await page.goto("/people");
    await expect.poll(names).toEqual(["Anna Alm", "Bo Berg", "Cia Ceder"]);
    await page.getByRole("button", { name: "Sparade listor" }).click();
    await page.getByRole("menuitem", { name: "Kunder i Visby" }).click();
    await expect.poll(names).toEqual(["Anna Alm"]);
    expect(new URL(page.url()).searchParams.get("city")).toBe("Visby");

    // Changed after opening, the change can be kept in the list.
    await page.getByRole("combobox", { name: "Livscykelfas" }).click();
    await page.getByRole("option", { name: "Lead", exact: true }).click();
    await expect.poll(names).toEqual(["Bo Berg"]);
    await page.getByRole("button", { name: "Sparade listor" }).click();
    await page.getByRole("menuitem", { name: "Spara ändringarna i ”Kunder i Visby”" }).click();
    await page.getByRole("button", { name: "Kunder i Visby" }).waitFor();

    // The same name again is refused at the name.
    await page.getByRole("button", { name: "Kunder i Visby" }).click();
    await page.getByRole("menuitem", { name: "Spara listan…" }).click();
    await dialog.getByRole("textbox", { name: "Namn" }).fill("kunder i visby");
    await dialog.getByRole("button", { name: "Spara" }).click();
    await dialog.getByText("Du har redan en lista med det namnet").waitFor();
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    expect(session.pageErrors).toEqual([]);
  });

  it("lets a colleague open a shared list, but not delete it", async () => {
    await page.context().clearCookies();
    await signIn(session, OLLE);
    await page.goto("/people");
    await page.getByRole("button", { name: "Sparade listor" }).click();
    const shared = page.getByRole("menuitem", { name: /Kunder i Visby/ });
    await expect.poll(() => shared.innerText()).toContain("delad av Sara Säljare");
    await session.snapshot("saved-list-menu");
    await shared.click();
    await expect.poll(names).toEqual(["Bo Berg"]);
    await page.getByRole("button", { name: "Kunder i Visby" }).click();
    expect(await page.getByRole("menuitem", { name: /Ta bort/ }).count()).toBe(0);
    await page.keyboard.press("Escape");
    expect(session.pageErrors).toEqual([]);
  });
});
