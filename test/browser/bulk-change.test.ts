import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, createUser } from "../../src/modules/access";
import { createOrganization, createPerson, defineCustomAttribute } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const SARA = { email: "sara@lanthandel.test", name: "Sara Säljare", password: "ett-långt-lösenord-9" };

/**
 * A seller gives her customers a new stage and a seller in one step from the list, learns which
 * of those she ticked are not hers to change, and picks who is responsible for a customer in the
 * person's own form.
 */
describe("changing owners and stages, in the browser", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      const syd = await createTeam(ctx, { name: "Sälj Syd" });
      const norr = await createTeam(ctx, { name: "Sälj Norr" });
      const sara = await createUser(ctx, { ...SARA, role: "sales", teamIds: [syd.id] });
      const nils = await createUser(ctx, {
        email: "nils@lanthandel.test",
        name: "Nils Norrman",
        password: "ett-långt-lösenord-9",
        role: "sales",
        teamIds: [norr.id],
      });
      await createUser(ctx, {
        email: "olle@lanthandel.test",
        name: "Olle Kollega",
        password: "ett-långt-lösenord-9",
        role: "sales",
        teamIds: [syd.id],
      });
      for (const [givenNames, surname, owner] of [
        ["Anna", "Alm", { ownerId: sara.id }],
        ["Bo", "Berg", { ownerTeamId: syd.id }],
        ["Cia", "Ceder", { ownerId: nils.id, ownerTeamId: norr.id }],
      ] as const) {
        await createPerson(ctx, {
          givenNames,
          surname,
          ...owner,
          address: { street: "Storgatan 1", postalCode: "621 55", city: "Visby" },
        });
      }
      await createOrganization(ctx, { name: "Gotlands Gårdsbutik AB", ownerId: sara.id });
      await defineCustomAttribute(ctx, {
        entity: "person",
        key: "kundniva",
        label: "Kundnivå",
        type: "choice",
        choices: ["Brons", "Silver", "Guld"],
      });
      // More of Sara's customers in Slite than one page of the list shows.
      for (let n = 1; n <= 60; n += 1) {
        await createPerson(ctx, {
          givenNames: "Kund",
          surname: `Slitesson ${String(n).padStart(2, "0")}`,
          ownerId: sara.id,
          address: { street: `Hamngatan ${n}`, postalCode: "624 48", city: "Slite" },
        });
      }
    });
    ({ page } = session);
    await signIn(session, SARA);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const row = (name: string) => page.getByRole("row").filter({ hasText: name });
  const tiersInSlite = async () => {
    const { rows } = (await session.services.store.db.execute(
      sql`select coalesce(custom->>'kundniva', 'none') as tier, count(*)::int as n from people where surname like 'Slitesson%' group by 1`,
    )) as unknown as { rows: Array<{ tier: string; n: number }> };
    return Object.fromEntries(rows.map((each) => [each.tier, each.n]));
  };
  /** How many of the people in Slite are at each stage, as the register holds them. */
  const stagesInSlite = async () => {
    const { rows } = (await session.services.store.db.execute(
      sql`select p.lifecycle_stage as stage, count(*)::int as n from people p where p.surname like 'Slitesson%' group by 1`,
    )) as unknown as { rows: Array<{ stage: string; n: number }> };
    return Object.fromEntries(rows.map((row) => [row.stage, row.n]));
  };
  const rowText = (name: string) => () => row(name).innerText();

  it("changes the stage of the customers she may change, after leaving out the one she may not", async () => {
    await page.goto("/people?city=Visby");
    await expect.poll(() => page.getByRole("checkbox", { name: /^Välj [A-Z]/ }).count()).toBe(3);
    await page.getByRole("checkbox", { name: "Välj alla i listan" }).check();
    await page.getByText("3 valda").waitFor();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    let dialog = page.getByRole("dialog", { name: "Ändra 3 personer" });
    await dialog.getByRole("combobox", { name: "Livscykelfas" }).click();
    await page.getByRole("option", { name: "Kund", exact: true }).click();
    await dialog.getByRole("button", { name: "Ändra", exact: true }).click();

    // Cia is Nils's: nothing is changed, and the dialog says who is in the way.
    const refusal = dialog.getByRole("alert");
    await refusal.getByText("1 av de 3 valda kan du inte ändra, så ingen ändrades:").waitFor();
    await expect.poll(() => refusal.getByRole("listitem").allInnerTexts()).toEqual(["Cia Ceder: ägs av någon annan"]);
    await session.snapshot("bulk-refused");
    await expect.poll(rowText("Anna Alm")).toContain("Intresserad");
    await refusal.getByRole("button", { name: "Avmarkera dem" }).click();
    dialog = page.getByRole("dialog", { name: "Ändra 2 personer" });
    await dialog.getByRole("button", { name: "Ändra", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("2 poster ändrade.").waitFor();
    await expect.poll(rowText("Anna Alm")).toContain("Kund");
    await expect.poll(rowText("Bo Berg")).toContain("Kund");
    await expect.poll(rowText("Cia Ceder")).toContain("Intresserad");
    expect(await page.getByRole("checkbox", { name: "Välj Bo Berg" }).isChecked()).toBe(false);

    // A seller for Bo, the team left as it is.
    await page.getByRole("checkbox", { name: "Välj Bo Berg" }).check();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    dialog = page.getByRole("dialog", { name: "Ändra 1 person" });
    await dialog.getByRole("combobox", { name: "Ansvarig", exact: true }).click();
    await page.getByRole("option", { name: "Olle Kollega" }).click();
    await dialog.getByRole("button", { name: "Ändra", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(rowText("Bo Berg")).toContain("Olle Kollega · team Sälj Syd");
    expect(session.pageErrors).toEqual([]);
  });

  it("changes everyone the list matches, loaded or not, after reviewing how many", async () => {
    await page.goto("/people?city=Slite");
    await expect.poll(() => page.getByRole("checkbox", { name: /^Välj Kund/ }).count()).toBe(50);
    await page.getByRole("checkbox", { name: "Välj alla i listan" }).check();
    await page.getByText("50 valda").waitFor();
    await page.getByRole("button", { name: "Välj alla som matchar listan" }).click();
    await page.getByText("Alla som matchar listan är valda").waitFor();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    const dialog = page.getByRole("dialog", { name: "Ändra alla personer som matchar listan" });
    await dialog.getByRole("combobox", { name: "Livscykelfas" }).click();
    await page.getByRole("option", { name: "Lead", exact: true }).click();
    await dialog.getByRole("button", { name: "Granska" }).click();
    // Nothing is changed by the review; it says how many the change would reach.
    await dialog.getByRole("status").getByText("60 ändras.").waitFor();
    expect(await stagesInSlite()).toEqual({ interested: 60 });
    await session.snapshot("bulk-all-matching");
    await dialog.getByRole("button", { name: "Ändra 60" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("60 poster ändrade.").waitFor();
    expect(await stagesInSlite()).toEqual({ lead: 60 });
    await expect.poll(rowText("Slitesson 01")).toContain("Lead");

    // Everyone in Visby includes Nils's customer: the review already says so, and names her.
    await page.goto("/people?city=Visby");
    await page.getByRole("checkbox", { name: "Välj Anna Alm" }).check();
    await page.getByRole("button", { name: "Välj alla som matchar listan" }).click();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    const visby = page.getByRole("dialog", { name: "Ändra alla personer som matchar listan" });
    await visby.getByRole("combobox", { name: "Livscykelfas" }).click();
    await page.getByRole("option", { name: "Lead", exact: true }).click();
    await visby.getByRole("button", { name: "Granska" }).click();
    const refusal = visby.getByRole("alert");
    await refusal.getByText("1 av dem som matchar listan kan du inte ändra, så ingen ändrades:").waitFor();
    await expect.poll(() => refusal.getByRole("listitem").allInnerTexts()).toEqual(["Cia Ceder: ägs av någon annan"]);
    await session.snapshot("bulk-all-matching-refused");
    expect(session.pageErrors).toEqual([]);
  });

  it("gives the ticked customers a custom value, and empties it again", async () => {
    await page.goto("/people?city=Slite");
    await page.getByRole("checkbox", { name: "Välj Kund Slitesson 01" }).check();
    await page.getByRole("checkbox", { name: "Välj Kund Slitesson 02" }).check();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    const dialog = page.getByRole("dialog", { name: "Ändra 2 personer" });
    await dialog.getByRole("combobox", { name: "Eget fält" }).click();
    await page.getByRole("option", { name: "Kundnivå" }).click();
    await dialog.getByText("Lämnas värdet tomt töms Kundnivå för alla.").waitFor();
    await dialog.getByRole("combobox", { name: "Nytt värde för Kundnivå" }).click();
    await page.getByRole("option", { name: "Guld" }).click();
    await session.snapshot("bulk-custom-value");
    await dialog.getByRole("button", { name: "Ändra", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("2 poster ändrade.").waitFor();
    expect(await tiersInSlite()).toEqual({ Guld: 2, none: 58 });

    await page.getByRole("checkbox", { name: "Välj Kund Slitesson 01" }).check();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    const again = page.getByRole("dialog", { name: "Ändra 1 person" });
    await again.getByRole("combobox", { name: "Eget fält" }).click();
    await page.getByRole("option", { name: "Kundnivå" }).click();
    await again.getByRole("button", { name: "Ändra", exact: true }).click();
    await again.waitFor({ state: "hidden" });
    await page.getByText("1 post ändrad.").waitFor();
    expect(await tiersInSlite()).toEqual({ Guld: 1, none: 59 });
    expect(session.pageErrors).toEqual([]);
  });

  it("gives an organisation to her team from the organisation list, with no stage to choose", async () => {
    await page.goto("/organizations");
    await page.getByRole("checkbox", { name: "Välj Gotlands Gårdsbutik AB" }).check();
    await page.getByRole("button", { name: "Ändra valda" }).click();
    const dialog = page.getByRole("dialog", { name: "Ändra 1 organisation" });
    expect(await dialog.getByRole("combobox", { name: "Livscykelfas" }).count()).toBe(0);
    await dialog.getByRole("combobox", { name: "Ansvarigt team" }).click();
    await page.getByRole("option", { name: "Sälj Syd" }).click();
    await dialog.getByRole("button", { name: "Ändra", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(rowText("Gotlands Gårdsbutik AB")).toContain("Sara Säljare · team Sälj Syd");
    expect(session.pageErrors).toEqual([]);
  });

  it("picks who is responsible in the person's form, and offers herself for a new person", async () => {
    await page.goto("/people?city=Visby");
    await row("Anna Alm").getByRole("link", { name: "Anna Alm" }).click();
    await page.getByRole("heading", { level: 1, name: "Anna Alm" }).waitFor();
    await page.getByRole("button", { name: "Redigera" }).first().click();
    const form = page.getByRole("dialog", { name: "Redigera person" });
    await expect
      .poll(() => form.getByRole("combobox", { name: "Ansvarig", exact: true }).inputValue())
      .toBe("Sara Säljare (du)");
    await form.getByRole("combobox", { name: "Ansvarigt team" }).click();
    await page.getByRole("option", { name: "Sälj Syd" }).click();
    await form.getByRole("button", { name: "Spara" }).click();
    await form.waitFor({ state: "hidden" });
    await expect.poll(() => page.getByTestId("record-owner").first().innerText()).toBe("Sara Säljare · team Sälj Syd");

    await page.goto("/people");
    await page.getByRole("button", { name: "Ny person" }).click();
    const create = page.getByRole("dialog", { name: "Ny person" });
    await expect
      .poll(() => create.getByRole("combobox", { name: "Ansvarig", exact: true }).inputValue())
      .toBe("Sara Säljare (du)");
    expect(session.pageErrors).toEqual([]);
  });
});
