import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createOrganization, createPerson } from "../../src/modules/register";
import { customAttributes } from "../../src/modules/register/schema";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "ada@lanthandel.test", name: "Ada Admin", password: "ett-långt-lösenord-9" };

/**
 * An administrator keeps the company's own fields on the admin page, and people use them on
 * people and organisations: amounts as they are typed, faults named at the field, nothing lost.
 */
describe("custom fields in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let personId = "";
  let organizationId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      personId = (await createPerson(ctx, { givenNames: "Greta", surname: "Garbo" })).id;
      organizationId = (await createOrganization(ctx, { name: "Fältbolaget AB" })).id;
      // A definition stored before repeated choices were refused: forms must still open.
      await ctx.db.insert(customAttributes).values({
        id: "0b6f2a4e-7c1d-4e8a-9f3b-2d5c6e7f8a90",
        entity: "person",
        key: "gammal",
        label: "Gammalt val",
        type: "choice",
        choices: ["Ja", "Ja", "A", "a"],
        required: false,
        createdAt: new Date(),
      });
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

  const drawer = () => page.getByRole("dialog");
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const row = (label: string) => page.getByRole("row").filter({ hasText: label });
  const expectMessage = async (input: Locator, message: string) => {
    await expect.poll(() => describedBy(input)).toContain(message);
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  };
  const defineField = async (fields: { label: string; key: string; type: string; choices?: string[] }) => {
    await page.getByRole("button", { name: "Nytt fält" }).click();
    const form = drawer();
    await form.getByRole("textbox", { name: "Namn", exact: true }).fill(fields.label);
    await form.getByRole("textbox", { name: "Nyckel", exact: true }).fill(fields.key);
    await form.getByRole("combobox", { name: "Typ" }).click();
    await page.getByRole("option", { name: fields.type, exact: true }).click();
    for (const [index, choice] of (fields.choices ?? []).entries()) {
      if (index > 0) await form.getByRole("button", { name: "Lägg till alternativ" }).click();
      await form.getByLabel(`Alternativ ${index + 1}`, { exact: true }).fill(choice);
    }
    await form.getByRole("button", { name: "Skapa fält" }).click();
  };

  it("opens every person form even when a stored definition repeats its choices", async () => {
    await page.goto(`/people/${personId}`);
    await region("Egna fält").getByText("Gammalt val").waitFor();
    await page.getByRole("button", { name: "Redigera" }).first().click();
    await drawer().getByRole("combobox", { name: "Gammalt val" }).click();
    await page.getByRole("option", { name: "A", exact: true }).waitFor();
    expect(await page.getByRole("option", { name: "Ja", exact: true }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await page.getByText("Något gick fel").count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it("lets the administrator define fields per entity, refusing repeated choices at the field", async () => {
    await page.goto("/admin");
    await page.getByRole("tab", { name: "Egna fält" }).click();
    await row("Gammalt val").waitFor();

    await defineField({ label: "Årsvärde", key: "arsvarde", type: "Kronor" });
    await row("Årsvärde").getByText("Kronor").waitFor();

    await defineField({ label: "Nivå", key: "niva", type: "Val", choices: ["Guld", "guld "] });
    await drawer().getByText("Varje alternativ får finnas en gång").waitFor();
    await session.snapshot("custom-fields-duplicate-choice");
    await drawer().getByLabel("Alternativ 2", { exact: true }).fill("Silver");
    await drawer().getByRole("button", { name: "Skapa fält" }).click();
    await row("Nivå").getByText("Silver").waitFor();

    await page.locator(".mantine-SegmentedControl-root").getByText("Organisationer").click();
    await defineField({ label: "Avtalsvärde", key: "avtalsvarde", type: "Kronor" });
    await defineField({ label: "Branschgrupp", key: "grupp", type: "Val", choices: ["Handel", "Industri"] });
    await row("Avtalsvärde").waitFor();
    await row("Industri").waitFor();
    expect(await row("Årsvärde").count()).toBe(0);
    await session.snapshot("custom-fields-admin");
  });

  it("renames a choice, and the values people hold follow it", async () => {
    await page.goto(`/people/${personId}`);
    await page.getByRole("button", { name: "Redigera" }).first().click();
    await drawer().getByRole("combobox", { name: "Nivå" }).click();
    await page.getByRole("option", { name: "Guld" }).click();
    await drawer().getByRole("button", { name: "Spara ändringar" }).click();
    await region("Egna fält").getByText("Guld").waitFor();

    await page.goto("/admin");
    await page.getByRole("tab", { name: "Egna fält" }).click();
    await page.locator(".mantine-SegmentedControl-root").getByText("Personer").click();
    await row("Nivå").getByRole("button", { name: "Ändra: Nivå" }).click();
    const form = drawer();
    await form.getByLabel("Alternativ 1", { exact: true }).fill("Gold");
    await form.getByText("Hette ”Guld” – posternas värden och regler byts").waitFor();
    // Without force: a forced check did not wait for the drawer to finish sliding in, and missed.
    await form.getByRole("switch", { name: "Obligatoriskt" }).click();
    expect(await form.getByLabel("Obligatoriskt").isChecked()).toBe(true);
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await row("Nivå").getByText("Gold").waitFor();
    await expect.poll(() => row("Nivå").locator("td").nth(2).textContent()).toBe("Ja");

    await page.goto(`/people/${personId}`);
    await region("Egna fält").getByText("Gold").waitFor();
  });

  it("retires a field: gone from the person's page, back when restored", async () => {
    await page.goto("/admin");
    await page.getByRole("tab", { name: "Egna fält" }).click();
    await row("Gammalt val").getByRole("button", { name: "Avveckla: Gammalt val" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Avveckla" }).click();
    await row("Gammalt val").getByText("Avvecklat").waitFor();
    await session.snapshot("custom-fields-retired");

    await page.goto(`/people/${personId}`);
    await region("Egna fält").getByText("Årsvärde").waitFor();
    expect(await region("Egna fält").getByText("Gammalt val").count()).toBe(0);

    await page.goto("/admin");
    await page.getByRole("tab", { name: "Egna fält" }).click();
    await row("Gammalt val").getByRole("button", { name: "Återställ: Gammalt val" }).click();
    await row("Gammalt val").getByText("I bruk").waitFor();
  });

  it("reads kronor as people type them, and names what is not an amount instead of saving it", async () => {
    const stored = async () =>
      page.evaluate(async (id) => {
        const person = (await (await fetch(`/api/people/${id}`)).json()) as { custom: Record<string, unknown> };
        return person.custom.arsvarde;
      }, personId);
    await page.goto(`/people/${personId}`);
    await page.getByRole("button", { name: "Redigera" }).first().click();
    const form = drawer();
    const amount = form.getByRole("textbox", { name: "Årsvärde" });
    await amount.fill("12 500,50");
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await region("Egna fält").getByText("12 500,50 kr").waitFor();
    expect(await stored()).toBe(12500.5);

    await page.getByRole("button", { name: "Redigera" }).first().click();
    for (const typed of ["abc", "1e5"]) {
      await amount.fill(typed);
      await form.getByRole("button", { name: "Spara ändringar" }).click();
      await expectMessage(amount, "Skriv ett belopp i kronor");
    }
    await session.snapshot("custom-fields-kronor-invalid");
    expect(await stored()).toBe(12500.5);

    await amount.fill("12,345");
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await expectMessage(amount, "Högst två decimaler");
    expect(await stored()).toBe(12500.5);

    await amount.fill("−500");
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await region("Egna fält").getByText("−500 kr", { exact: true }).waitFor();
    expect(await stored()).toBe(-500);
  });

  it("takes a custom date typed in the person form, or picked in its calendar", async () => {
    await page.goto("/admin");
    await page.getByRole("tab", { name: "Egna fält" }).click();
    await defineField({ label: "Kund sedan", key: "kund_sedan", type: "Datum" });
    await row("Kund sedan").getByText("Datum").waitFor();

    await page.goto(`/people/${personId}`);
    const calendar = page.locator("[data-dates-dropdown]");
    const since = drawer().getByRole("textbox", { name: "Kund sedan" });
    await page.getByRole("button", { name: "Redigera" }).first().click();
    await since.click();
    await since.pressSequentially("2019-04-01");
    await calendar.getByText("april 2019").waitFor();
    // Escape closes the calendar, not the drawer with the typed day in it.
    await page.keyboard.press("Escape");
    await calendar.waitFor({ state: "hidden" });
    await drawer().getByRole("button", { name: "Spara ändringar" }).click();
    await region("Egna fält").getByText("2019-04-01").waitFor();

    await page.getByRole("button", { name: "Redigera" }).first().click();
    await since.click();
    await calendar.getByRole("button", { name: "15 april 2019" }).click();
    await expect.poll(() => since.inputValue()).toBe("2019-04-15");
    await drawer().getByRole("button", { name: "Spara ändringar" }).click();
    await region("Egna fält").getByText("2019-04-15").waitFor();
  });

  it("shows and edits an organisation's custom fields", async () => {
    await page.goto(`/organizations/${organizationId}`);
    const card = region("Egna fält");
    await card.getByText("Avtalsvärde").waitFor();
    await card.getByText("Branschgrupp").waitFor();
    await page.getByRole("button", { name: "Redigera" }).first().click();
    const form = drawer();
    const amount = form.getByRole("textbox", { name: "Avtalsvärde" });
    await amount.fill("abc");
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await expectMessage(amount, "Skriv ett belopp i kronor");
    await amount.fill("−1 234 567,50 kr");
    await form.getByRole("combobox", { name: "Branschgrupp" }).click();
    await page.getByRole("option", { name: "Industri" }).click();
    await session.snapshot("custom-fields-organization-form");
    await form.getByRole("button", { name: "Spara ändringar" }).click();
    await card.getByText("−1 234 567,50 kr").waitFor();
    await card.getByText("Industri").waitFor();
    await session.snapshot("custom-fields-organization", { fullPage: true });
    expect(session.pageErrors).toEqual([]);
  });
});
