import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createOrganization, createPerson, defineCustomAttribute } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const ADMIN = { email: "ada@lanthandel.test", name: "Ada Admin", password: "ett-långt-lösenord-9" };

/**
 * A seller shows the customer tier beside every name and orders the list by it, the best
 * customers first; the choice of columns stays for the next visit, the order is in the address.
 */
describe("list columns and their order, in the browser", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      await defineCustomAttribute(ctx, {
        entity: "person",
        key: "kundniva",
        label: "Kundnivå",
        type: "choice",
        choices: ["Brons", "Silver", "Guld"],
      });
      await defineCustomAttribute(ctx, {
        entity: "organization",
        key: "kreditgrans",
        label: "Kreditgräns",
        type: "kronor",
      });
      // Registered in this order, a moment apart.
      for (const [givenNames, surname, tier, birthDate] of [
        ["Anna", "Alm", "Guld", "1961-02-03"],
        ["Bo", "Berg", "Brons", "1990-10-11"],
        ["Cia", "Ceder", "Silver", null],
        ["Dan", "Dahl", null, "1945-06-07"],
      ] as const) {
        await createPerson(ctx, {
          givenNames,
          surname,
          ...(birthDate ? { birthDate } : {}),
          custom: tier ? { kundniva: tier } : {},
        });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await createOrganization(ctx, {
        name: "Storköparen AB",
        revenueSek: 80_000_000,
        custom: { kreditgrans: 500_000 },
      });
      await createOrganization(ctx, { name: "Småköparen AB", revenueSek: 2_000_000, custom: { kreditgrans: 20_000 } });
      await createOrganization(ctx, { name: "Nystartade AB" });
    });
    ({ page } = session);
    await signIn(session, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  // The list's rows in the order shown, not the one that says the list is empty.
  const names = async () =>
    (await page.locator("tbody tr:not(:has(td[colspan])) > td:has(> a)").allInnerTexts()).map(
      (text) => text.split("\n")[0],
    );
  const headers = async () =>
    (await page.getByRole("columnheader").allInnerTexts()).map((text) => text.replace(/[↑↓]/g, "").trim());
  const cell = (row: string, column: string) => async () => {
    const index = (await headers()).indexOf(column);
    return page.getByRole("row").filter({ hasText: row }).getByRole("cell").nth(index).innerText();
  };
  const chooseColumn = async (label: string, show: boolean) => {
    await page.getByRole("button", { name: "Kolumner" }).click();
    const box = page.getByRole("group", { name: "Visa kolumner" }).getByRole("checkbox", { name: label });
    await (show ? box.check() : box.uncheck());
    await page.keyboard.press("Escape");
  };
  const sortBy = (label: string) => page.getByRole("columnheader").getByRole("button", { name: label }).click();

  it("shows a custom field as a column, orders the people by it, and keeps both over a reload", async () => {
    await page.goto("/people");
    await expect.poll(names).toEqual(["Anna Alm", "Bo Berg", "Cia Ceder", "Dan Dahl"]);
    expect(await headers()).not.toContain("Kundnivå");
    await chooseColumn("Kundnivå", true);
    await expect.poll(headers).toContain("Kundnivå");
    await expect.poll(cell("Anna Alm", "Kundnivå")).toBe("Guld");
    await expect.poll(cell("Dan Dahl", "Kundnivå")).toBe("");

    // A choice orders as its choices do, and a second click turns it round; no tier comes last.
    await sortBy("Kundnivå");
    await expect.poll(names).toEqual(["Bo Berg", "Cia Ceder", "Anna Alm", "Dan Dahl"]);
    await sortBy("Kundnivå");
    await expect.poll(names).toEqual(["Anna Alm", "Cia Ceder", "Bo Berg", "Dan Dahl"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("-custom.kundniva");
    await expect
      .poll(() => page.getByRole("columnheader", { name: /Kundnivå/ }).getAttribute("aria-sort"))
      .toBe("descending");

    // The order is the address's and survives a reload; the column is this browser's choice and
    // is there on the next visit too, when the list is not ordered by it.
    await page.reload();
    await expect.poll(names).toEqual(["Anna Alm", "Cia Ceder", "Bo Berg", "Dan Dahl"]);
    await page.goto("/people");
    await expect.poll(names).toEqual(["Anna Alm", "Bo Berg", "Cia Ceder", "Dan Dahl"]);
    await expect.poll(headers).toContain("Kundnivå");
    await page.goto("/people?sort=-custom.kundniva");
    await expect.poll(names).toEqual(["Anna Alm", "Cia Ceder", "Bo Berg", "Dan Dahl"]);

    // The export holds the rows in the order shown.
    await page.getByRole("button", { name: "Exportera CSV" }).click();
    const href = (await page.getByRole("menuitem").first().getAttribute("href")) ?? "";
    await page.keyboard.press("Escape");
    expect(href).toContain("sort=-custom.kundniva");
    const csv = await (await page.request.get(href)).text();
    const [header = "", ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    const surname = header.split(";").indexOf("surname");
    expect(lines.map((line) => line.split(";")[surname])).toEqual(["Alm", "Ceder", "Berg", "Dahl"]);

    // Hiding the column the list is ordered by puts it back in name order.
    await chooseColumn("Kundnivå", false);
    await expect.poll(headers).not.toContain("Kundnivå");
    await expect.poll(names).toEqual(["Anna Alm", "Bo Berg", "Cia Ceder", "Dan Dahl"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBeNull();
    // A link to the list in that order shows the column it is ordered by.
    await page.goto("/people?sort=custom.kundniva");
    await expect.poll(names).toEqual(["Bo Berg", "Cia Ceder", "Anna Alm", "Dan Dahl"]);
    await expect.poll(cell("Bo Berg", "Kundnivå")).toBe("Brons");
    expect(session.pageErrors).toEqual([]);
  });

  it("orders the people newest first and by age, from the register's own fields", async () => {
    await page.goto("/people");
    await chooseColumn("I registret sedan", true);
    await chooseColumn("Födelsedatum", true);
    await expect.poll(cell("Anna Alm", "Födelsedatum")).toBe("1961-02-03");
    // A first click on a day of registration shows the newest first.
    await sortBy("I registret sedan");
    await expect.poll(names).toEqual(["Dan Dahl", "Cia Ceder", "Bo Berg", "Anna Alm"]);
    // The oldest first; who has no birth date comes last.
    await sortBy("Födelsedatum");
    await expect.poll(names).toEqual(["Dan Dahl", "Anna Alm", "Bo Berg", "Cia Ceder"]);
    // The name header goes back to A to Ö, and then Ö to A.
    await sortBy("Namn");
    await expect.poll(names).toEqual(["Anna Alm", "Bo Berg", "Cia Ceder", "Dan Dahl"]);
    await sortBy("Namn");
    await expect.poll(names).toEqual(["Dan Dahl", "Cia Ceder", "Bo Berg", "Anna Alm"]);
    expect(session.pageErrors).toEqual([]);
  });

  it("shows the credit limit and revenue of organisations and orders by them, the largest first", async () => {
    await page.goto("/organizations");
    await expect.poll(names).toEqual(["Nystartade AB", "Småköparen AB", "Storköparen AB"]);
    await chooseColumn("Kreditgräns", true);
    await chooseColumn("Omsättning", true);
    await expect.poll(cell("Storköparen AB", "Kreditgräns")).toMatch(/^500\s000\skr$/);
    await expect.poll(cell("Småköparen AB", "Omsättning")).toMatch(/^2\s000\s000\skr$/);
    await sortBy("Kreditgräns");
    await expect.poll(names).toEqual(["Storköparen AB", "Småköparen AB", "Nystartade AB"]);
    await sortBy("Kreditgräns");
    await expect.poll(names).toEqual(["Småköparen AB", "Storköparen AB", "Nystartade AB"]);
    expect(session.pageErrors).toEqual([]);
  });
});
