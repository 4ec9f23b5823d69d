import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, createUser } from "../../src/modules/access";
import { createOrganization, createPerson, defineCustomAttribute, recordConsent } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const ADMIN = { email: "ada@lanthandel.test", name: "Ada Admin", password: "ett-långt-lösenord-9" };

/**
 * Marketing picks out the gold customers who said yes to e-mail, and finance the companies with
 * a large credit limit, in the lists themselves: each filter a pill, kept in the address, and the
 * CSV export holding what the list shows.
 */
describe("list filters on custom fields and consents, in the browser", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      const admin = await createUser(ctx, { ...ADMIN, role: "admin" });
      const team = await createTeam(ctx, { name: "Sälj Syd" });
      await defineCustomAttribute(ctx, {
        entity: "person",
        key: "kundniva",
        label: "Kundnivå",
        type: "choice",
        choices: ["Brons", "Silver", "Guld"],
      });
      await defineCustomAttribute(ctx, {
        entity: "person",
        key: "kundklubb",
        label: "Med i kundklubben",
        type: "boolean",
      });
      await defineCustomAttribute(ctx, {
        entity: "organization",
        key: "kreditgrans",
        label: "Kreditgräns",
        type: "kronor",
      });
      const people: Array<[string, string, string | null, boolean]> = [
        ["Greta", "Guldberg", "Guld", true],
        ["Gustav", "Guldgren", "Guld", false],
        ["Signe", "Silverstam", "Silver", true],
        ["Nils", "Utan", null, true],
      ];
      for (const [givenNames, surname, tier, emailYes] of people) {
        const person = await createPerson(ctx, {
          givenNames,
          surname,
          ...(surname === "Guldberg" ? { personnummer: "19121212-1212", ownerId: admin.id } : {}),
          ...(surname === "Silverstam" ? { ownerTeamId: team.id } : {}),
          emails: [{ address: `${surname.toLowerCase()}@example.se` }],
          custom: { ...(tier ? { kundniva: tier } : {}), kundklubb: emailYes },
        });
        await recordConsent(ctx, person.id, {
          purpose: "marketing",
          channel: "email",
          status: emailYes ? "granted" : "withdrawn",
          source: { system: "test" },
        });
      }
      await createOrganization(ctx, {
        name: "Storköparen AB",
        ownerId: admin.id,
        employees: 120,
        custom: { kreditgrans: 500_000 },
      });
      await createOrganization(ctx, { name: "Småköparen AB", employees: 8, custom: { kreditgrans: 20_000 } });
      await createOrganization(ctx, { name: "Nystartade AB" });
    });
    ({ page } = session);
    await signIn(session, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  // The list's rows, not the one that says the list is empty.
  const names = () => page.locator("tbody tr:not(:has(td[colspan])) > td:has(> a)").allInnerTexts();
  const shownNames = async () => (await names()).map((text) => text.split("\n")[0]).sort();
  // The filters in force, as their pills say them.
  const pills = async () =>
    (await page.getByRole("list", { name: "Filter" }).getByRole("listitem").allInnerTexts()).map((text) =>
      text.replace(/\s+/g, " ").trim(),
    );
  const addFilter = async (field: string, choices: Array<[string, string]>, fill?: [string, string]) => {
    await page.getByRole("button", { name: "Lägg till filter" }).click();
    const dialog = page.getByRole("dialog", { name: "Lägg till filter" });
    await dialog.getByRole("combobox", { name: "Filtrera på" }).click();
    await page.getByRole("option", { name: field, exact: true }).click();
    for (const [label, option] of choices) {
      await dialog.getByRole("combobox", { name: label }).click();
      await page.getByRole("option", { name: option, exact: true }).click();
    }
    if (fill) await dialog.getByRole("textbox", { name: fill[0] }).fill(fill[1]);
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
  };

  it("narrows the people list to gold customers who said yes to e-mail, and exports just them", async () => {
    await page.goto("/people");
    await expect.poll(shownNames).toEqual(["Greta Guldberg", "Gustav Guldgren", "Nils Utan", "Signe Silverstam"]);
    await addFilter("Kundnivå", [["Värde", "Guld"]]);
    await expect.poll(pills).toEqual(["Kundnivå är Guld"]);
    await expect.poll(shownNames).toEqual(["Greta Guldberg", "Gustav Guldgren"]);
    await addFilter("Samtycke till e-post", [["Svar", "givet"]]);
    await expect.poll(pills).toEqual(["Kundnivå är Guld", "Samtycke till e-post: givet"]);
    await expect.poll(shownNames).toEqual(["Greta Guldberg"]);
    // The filters are in the address: a reload, or a colleague given the link, sees the same list.
    await page.reload();
    await expect.poll(shownNames).toEqual(["Greta Guldberg"]);
    await page.getByRole("button", { name: "Exportera CSV" }).click();
    const href = (await page.getByRole("menuitem").first().getAttribute("href")) ?? "";
    const csv = await (await page.request.get(href)).text();
    expect(csv).toContain("Guldberg");
    expect(csv).not.toContain("Guldgren");
    expect(csv).not.toContain("Silverstam");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Ta bort filtret Kundnivå är Guld" }).click();
    await expect.poll(shownNames).toEqual(["Greta Guldberg", "Nils Utan", "Signe Silverstam"]);
    await addFilter("Med i kundklubben", [["Värde", "Nej"]]);
    await expect.poll(pills).toEqual(["Med i kundklubben: Nej", "Samtycke till e-post: givet"]);
    await expect.poll(shownNames).toEqual([]);
    await page.getByText("Inga personer matchar sökningen.").waitFor();
    await page.getByRole("button", { name: "Ta bort filtret Med i kundklubben: Nej" }).click();
    await page.getByRole("button", { name: "Ta bort filtret Samtycke till e-post: givet" }).click();
    await expect.poll(shownNames).toHaveLength(4);
    expect(new URL(page.url()).search).toBe("");
    // The register's own fields too: who has a personnummer, not whose it is.
    await addFilter("Personnummer", [["Villkor", "har ett värde"]]);
    await expect.poll(pills).toEqual(["Personnummer har ett värde"]);
    await expect.poll(shownNames).toEqual(["Greta Guldberg"]);
    await page.getByRole("button", { name: "Ta bort filtret Personnummer har ett värde" }).click();
    // Whose customers: mine, a team's, or nobody's.
    const owner = page.getByRole("combobox", { name: "Ansvarig" });
    for (const [choice, expected] of [
      ["Mina kunder", ["Greta Guldberg"]],
      ["Sälj Syd", ["Signe Silverstam"]],
      ["Ingen ansvarig", ["Gustav Guldgren", "Nils Utan"]],
    ] as const) {
      await owner.click();
      await page.getByRole("option", { name: choice, exact: true }).click();
      await expect.poll(shownNames).toEqual([...expected]);
    }
    // The list says who is responsible for each.
    await owner.click();
    await page.getByRole("option", { name: "Mina kunder", exact: true }).click();
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "Greta Guldberg" }).innerText())
      .toContain("Ada Admin");
    expect(session.pageErrors).toEqual([]);
  });

  it("narrows the organisation list by an amount in kronor", async () => {
    await page.goto("/organizations");
    await expect.poll(shownNames).toHaveLength(3);
    await addFilter("Kreditgräns", [["Villkor", "större än"]], ["Värde", "100000"]);
    await expect.poll(pills).toEqual(["Kreditgräns större än 100 000 kr"]);
    await expect.poll(shownNames).toEqual(["Storköparen AB"]);
    await addFilter("Kreditgräns", [["Villkor", "saknar värde"]]);
    await expect.poll(shownNames).toEqual([]);
    await page.getByText("Inga organisationer matchar sökningen.").waitFor();
    await page.getByRole("button", { name: /^Ta bort filtret Kreditgräns större än/ }).click();
    await expect.poll(shownNames).toEqual(["Nystartade AB"]);
    await page.getByRole("button", { name: "Ta bort filtret Kreditgräns saknar värde" }).click();
    await addFilter("Anställda", [["Villkor", "minst"]], ["Värde", "50"]);
    await expect.poll(pills).toEqual(["Anställda minst 50"]);
    await expect.poll(shownNames).toEqual(["Storköparen AB"]);
    await page.getByRole("button", { name: "Ta bort filtret Anställda minst 50" }).click();
    await page.getByRole("combobox", { name: "Ansvarig" }).click();
    await page.getByRole("option", { name: "Mina kunder", exact: true }).click();
    await expect.poll(shownNames).toEqual(["Storköparen AB"]);
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "Storköparen AB" }).innerText())
      .toContain("Ada Admin");
    expect(session.pageErrors).toEqual([]);
  });
});
