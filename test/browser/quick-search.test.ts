import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createOrganization, createPerson } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const SELLER = { email: "siv@lanthandel.test", name: "Siv Säljare", password: "ett-långt-lösenord-9" };

/** The phone rings: the number typed anywhere in the app finds the customer, one Enter away. */
describe("finding a customer from anywhere, in the browser", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...SELLER, role: "sales" });
      await createPerson(ctx, {
        givenNames: "Karl Stig Emanuel",
        preferredNameMarking: "20",
        surname: "Berg",
        phones: [{ number: "070-123 45 67" }],
        address: { street: "Storgatan 1", postalCode: "621 55", city: "Visby" },
      });
      await createPerson(ctx, { givenNames: "Stina", surname: "Holm" });
      await createOrganization(ctx, { name: "Bryggeriet i Visby AB", organisationsnummer: "556679-0688" });
    });
    ({ page } = session);
    await signIn(session, SELLER);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const dialog = () => page.getByRole("dialog", { name: "Sök i registret" });
  const input = () => dialog().getByRole("combobox", { name: /Namn, telefon/ });
  const options = () => dialog().getByRole("option");

  it("opens with Ctrl K, finds the caller by the number as it was said, and opens them with Enter", async () => {
    await page.goto("/cases");
    await page.getByRole("button", { name: "Sök kund" }).waitFor();
    await page.keyboard.press("Control+k");
    await input().fill("070 123 45 67");
    await expect.poll(() => options().allInnerTexts()).toEqual([expect.stringContaining("Stig Berg")]);
    expect(await options().first().innerText()).toContain("Visby · 070-123 45 67");
    await input().press("Enter");
    await page.getByRole("heading", { level: 1, name: "Stig Berg" }).waitFor();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it("lists people and organisations apart, moves with the arrow keys, and says when nothing matches", async () => {
    await page.getByRole("button", { name: "Sök kund" }).click();
    await input().fill("visby");
    // Stig lives in Visby: a town is not a name, so only the brewery is found.
    await expect
      .poll(() => dialog().getByRole("group", { name: "Organisationer" }).getByRole("option").allInnerTexts())
      .toEqual([expect.stringContaining("Bryggeriet i Visby AB")]);
    await input().fill("stig");
    await expect.poll(() => options().count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => options().first().innerText()).toContain("Stig Berg");
    await input().fill("brygg");
    await expect.poll(() => options().allInnerTexts()).toEqual([expect.stringContaining("556679-0688")]);
    await input().press("ArrowDown");
    await input().press("Enter");
    await page.getByRole("heading", { level: 1, name: "Bryggeriet i Visby AB" }).waitFor();

    await page.keyboard.press("Control+k");
    await input().fill("qzxv");
    await dialog().getByText("Ingen person eller organisation matchar ”qzxv”.").waitFor();
    await input().fill("holm");
    await dialog().getByRole("link", { name: "Visa alla träffar bland personerna" }).click();
    await page.waitForURL(/\/people\?q=holm$/);
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Stina Holm" }).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it("registers a caller nobody found, with the number already in the form", async () => {
    await page.keyboard.press("Control+k");
    await input().fill("070-999 88 77");
    await dialog().getByText("Ingen person eller organisation matchar ”070-999 88 77”.").waitFor();
    await dialog().getByRole("button", { name: "Registrera som ny person" }).click();
    const form = page.getByRole("dialog", { name: "Ny person" });
    await expect.poll(() => form.getByLabel("Telefon").inputValue()).toBe("070-999 88 77");
    await form.getByLabel("Förnamn").fill("Berit");
    await form.getByLabel("Efternamn").fill("Ringare");
    await form.getByRole("button", { name: "Skapa person" }).click();
    await page.getByRole("heading", { level: 1, name: "Berit Ringare" }).waitFor();
    await page.getByText("070-999 88 77").first().waitFor();
    // And now the number finds her.
    await page.keyboard.press("Control+k");
    await input().fill("0709998877");
    await expect.poll(() => options().allInnerTexts()).toEqual([expect.stringContaining("Berit Ringare")]);
    expect(session.pageErrors).toEqual([]);
  });
});
