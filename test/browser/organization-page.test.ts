import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivityOnRecord } from "../../src/flows/timeline-writes";
import { createUser } from "../../src/modules/access";
import { logActivity } from "../../src/modules/activities";
import { addRole, createOrganization, createPerson, endRole } from "../../src/modules/register";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "kam@lanthandel.test", name: "Karin Ek", password: "ett-långt-lösenord-7" };

/**
 * A key-account manager on a customer company's page: who works there and who did, and the
 * company's history, with meetings and quotes recorded on the company itself.
 */
describe("the organisation page in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let organizationId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      const company = await createOrganization(ctx, {
        name: "Verkstaden i Borås AB",
        organisationsnummer: "5560360793",
        employees: 45,
      });
      organizationId = company.id;
      const buyer = await createPerson(ctx, { givenNames: "Agnes", surname: "Lind" });
      const leaver = await createPerson(ctx, { givenNames: "Erik", surname: "Holm" });
      await addRole(ctx, { personId: buyer.id, organizationId, title: "Inköpschef" });
      const ended = await addRole(ctx, { personId: leaver.id, organizationId, title: "Ekonom" });
      await endRole(ctx, ended.roleId);
      // Logged as the app logs it, so that it is the person's and the company's last contact.
      await logActivityOnRecord(ctx, { personId: buyer.id, kind: "call", subject: "Agnes om volymer" });
      await logActivity(ctx, { organizationId, kind: "note", subject: "Ramavtal löper ut i mars" });
      const subsidiary = await createOrganization(ctx, { name: "Verkstaden Väst AB", parentId: organizationId });
      await createOrganization(ctx, { name: "Verkstaden Göteborg AB", parentId: subsidiary.id });
      await createOrganization(ctx, { name: "Konkurrenten AB", employees: 800 });
    });
    page = session.page;
    await page.goto("/login");
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${session.baseUrl}/`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Today in Sweden, as the app writes a day. */
  const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const timeline = () => page.getByRole("list", { name: "Tidslinje" });
  const entry = (title: string) => timeline().getByRole("listitem").filter({ hasText: title });

  it("lists the people who work there now and those who did", async () => {
    await page.goto(`/organizations/${organizationId}`);
    const people = region("Personer");
    await people.getByRole("row").filter({ hasText: "Agnes Lind" }).getByText("Inköpschef").waitFor();
    const former = people.getByRole("table", { name: "Tidigare personer" });
    await former.getByRole("link", { name: "Erik Holm" }).waitFor();
    await former.getByText("Ekonom").waitFor();
    await expect(people.getByRole("button", { name: "Avsluta kopplingen till Erik Holm" }).count()).resolves.toBe(0);
  });

  it("shows the company's own entries and its people's in one timeline, each person named", async () => {
    await entry("Ramavtal löper ut i mars").waitFor();
    await entry("Agnes om volymer").getByText("Agnes Lind").waitFor();
  });

  it("logs a meeting and uploads a quote on the company, which its timeline then shows", async () => {
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    const dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
    await dialog.getByRole("radiogroup", { name: "Typ" }).getByText("Möte").click();
    await dialog.getByLabel("Rubrik").fill("Avtalsmöte inför 2027");
    await dialog.getByRole("textbox", { name: "När", exact: true }).pressSequentially("2026-12-03");
    await dialog.getByRole("textbox", { name: "När, klockslag" }).pressSequentially("10:00");
    await dialog.getByRole("button", { name: "Logga", exact: true }).click();
    await entry("Avtalsmöte inför 2027")
      .getByText(/Möte · 2026-12-03 10:00/)
      .waitFor();
    // The facts say when the company was last contacted (Agnes's call today), and the meeting
    // booked ahead as the next contact: it is no contact until it has been held.
    const lastContact = region("Företagsuppgifter")
      .locator("dt", { hasText: "Senaste kontakt" })
      .locator("xpath=following-sibling::dd[1]");
    await expect
      .poll(() => lastContact.innerText())
      .toMatch(new RegExp(`^${today()}\\s+Nästa bokad 2026-12-03 10:00$`));

    const file = join(tmpdir(), "offert-verkstaden.pdf");
    writeFileSync(file, "%PDF-1.4 offert\n");
    await page.getByRole("button", { name: "Ladda upp dokument" }).click();
    const upload = page.getByRole("dialog", { name: "Ladda upp dokument" });
    await upload.locator("input[type=file]").setInputFiles(file);
    await upload.getByLabel("Rubrik").fill("Offert 2027");
    await upload.getByRole("button", { name: "Ladda upp", exact: true }).click();
    await entry("Offert 2027")
      .getByRole("link", { name: /offert-verkstaden\.pdf/ })
      .waitFor();
    await session.snapshot("organization-timeline", { fullPage: true });
    expect(session.pageErrors).toEqual([]);
  });

  it("says at the fields why a sole trader's number and a bare word are refused for a new company", async () => {
    await page.goto("/organizations");
    await page.getByRole("button", { name: "Ny organisation" }).click();
    const form = page.getByRole("dialog");
    await form.getByRole("textbox", { name: "Namn", exact: true }).fill("Pelle Persson AB");
    await form.getByLabel("Organisationsnummer").fill("750101-1238");
    await form.getByLabel("SNI-kod").fill("62010");
    await form.getByLabel("Webbplats").fill("pellepersson");
    await form.getByRole("button", { name: "Skapa organisation" }).click();
    await expect
      .poll(() => describedBy(form.getByLabel("Organisationsnummer")))
      .toContain("Numret hör inte till bolagsformen i namnet");
    await expect.poll(() => describedBy(form.getByLabel("Webbplats"))).toContain("Ange en webbadress");
    await session.snapshot("organization-form-faults", { fullPage: true });

    await form.getByLabel("Organisationsnummer").fill("556677-8899");
    await form.getByLabel("Webbplats").fill("pellepersson.se");
    await form.getByRole("button", { name: "Skapa organisation" }).click();
    await page.getByRole("heading", { level: 1, name: "Pelle Persson AB" }).waitFor();
    await region("Företagsuppgifter").getByText("62.010 – Dataprogrammering, datakonsultverksamhet o.d.").waitFor();
  });

  it("shows the company's group in the list, subsidiaries of subsidiaries too, and the whole list again", async () => {
    await page.goto(`/organizations/${organizationId}`);
    const facts = region("Företagsuppgifter");
    await facts.getByRole("link", { name: "Verkstaden Väst AB" }).waitFor();
    await facts.getByRole("link", { name: "Visa koncernen i listan" }).click();
    await page.getByText("Koncernen Verkstaden i Borås AB med dotterbolag").waitFor();
    const names = page.getByRole("table").getByRole("row").locator("td > a");
    await expect
      .poll(async () => (await names.allTextContents()).sort())
      .toEqual(["Verkstaden Göteborg AB", "Verkstaden Väst AB", "Verkstaden i Borås AB"]);
    await session.snapshot("organization-group", { fullPage: true });
    await page.getByRole("button", { name: "Visa alla organisationer" }).click();
    await expect.poll(() => names.allTextContents()).toContain("Konkurrenten AB");
  });

  it("orders the list by employees, largest first, then the other way round", async () => {
    await page.goto("/organizations");
    const names = page.getByRole("table").getByRole("row").locator("td > a");
    await expect.poll(() => names.count()).toBeGreaterThan(3);
    const employees = page.getByRole("columnheader", { name: /Anställda/ });
    await employees.getByRole("button").click();
    await expect
      .poll(async () => (await names.allTextContents()).slice(0, 2))
      .toEqual(["Konkurrenten AB", "Verkstaden i Borås AB"]);
    await expect(employees.getAttribute("aria-sort")).resolves.toBe("descending");
    await employees.getByRole("button").click();
    await expect
      .poll(async () => (await names.allTextContents()).slice(0, 2))
      .toEqual(["Verkstaden i Borås AB", "Konkurrenten AB"]);
    await session.snapshot("organizations-sorted", { fullPage: true });
  });

  it("orders the list by last contact, the longest silent first, and shows when it was", async () => {
    await page.goto("/organizations?sort=lastContactAt");
    await expect.poll(() => page.getByRole("columnheader", { name: /Senaste kontakt/ }).count()).toBe(1);
    const names = page.getByRole("table").getByRole("row").locator("td > a");
    // Only Verkstaden i Borås has been contacted (Agnes's call); those never contacted follow.
    await expect.poll(async () => (await names.allTextContents())[0]).toBe("Verkstaden i Borås AB");
    const row = page.getByRole("row").filter({ hasText: "Verkstaden i Borås AB" });
    await expect.poll(() => row.innerText()).toContain(today());
    // The meetings booked, the soonest first, with their time.
    await page.goto("/organizations?sort=nextContactAt");
    await expect.poll(() => page.getByRole("columnheader", { name: /Nästa bokade kontakt/ }).count()).toBe(1);
    await expect.poll(async () => (await names.allTextContents())[0]).toBe("Verkstaden i Borås AB");
    await expect.poll(() => row.innerText()).toContain("2026-12-03 10:00");
    await session.snapshot("organizations-next-contact");
  });

  it("asks before ending a role, which cannot be taken up again, and lists the person as former", async () => {
    await page.goto(`/organizations/${organizationId}`);
    const people = region("Personer");
    await people.getByRole("button", { name: "Avsluta kopplingen till Agnes Lind" }).click();
    const confirm = page.getByRole("dialog").filter({ hasText: "Avsluta kopplingen mellan Agnes Lind" });
    await confirm.getByRole("button", { name: "Avbryt" }).click();
    await expect(people.getByRole("row").filter({ hasText: "Inköpschef" }).count()).resolves.toBe(1);

    await people.getByRole("button", { name: "Avsluta kopplingen till Agnes Lind" }).click();
    await confirm.getByRole("button", { name: "Avsluta", exact: true }).click();
    await people.getByRole("table", { name: "Tidigare personer" }).getByRole("link", { name: "Agnes Lind" }).waitFor();
  });
});
