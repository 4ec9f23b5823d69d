import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { BROWSER_TIME_ZONE, type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "signe@lanthandel.test", name: "Signe Holm", password: "ett-långt-lösenord-7" };
const COMPANY = "Exempelbolaget i Lund AB";

/** A day counted from today in the browser's zone: as YYYY-MM-DD, and as the calendar names it. */
function day(daysFromToday: number): { iso: string; spoken: string } {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: BROWSER_TIME_ZONE }).format(new Date());
  const [year = 0, month = 1, date = 1] = today.split("-").map(Number);
  const wanted = new Date(Date.UTC(year, month - 1, date + daysFromToday));
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("sv-SE", { ...options, timeZone: "UTC" }).format(wanted);
  return { iso: format({ dateStyle: "short" }), spoken: format({ day: "numeric", month: "long", year: "numeric" }) };
}

/**
 * A salesperson's work in the register, step by step, on the real server and the built web
 * app: a new customer, their 360° page, a search, and the company they work for. The steps
 * share the browser page, so each starts where the one before it ended.
 */
describe("the register in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let personUrl = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      await createUser(services.systemCtx("test"), { ...ADMIN, role: "admin" });
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

  const navigation = () => page.getByRole("navigation");
  const drawer = () => page.getByRole("dialog");
  const timeline = () => page.getByRole("list", { name: "Tidslinje" });
  const timelineEntry = (title: string) => timeline().getByRole("listitem").filter({ hasText: title });
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const calendar = () => page.locator("[data-dates-dropdown]");
  const expectMessage = async (input: Locator, message: string) => {
    await expect.poll(() => describedBy(input)).toContain(message);
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  };

  it("shows why a new person was refused, at the fields at fault", async () => {
    await navigation().getByRole("link", { name: "Personer" }).click();
    await page.waitForURL(`${baseUrl}/people`);
    await page.getByText("Det finns inga personer i registret än.").waitFor();
    await page.getByRole("button", { name: "Ny person" }).click();

    const form = drawer();
    await form.getByLabel("Förnamn").fill("Karl Stig Emanuel");
    await form.getByLabel("Efternamn").fill("Berg");
    await form.getByLabel("Markering").fill("20");
    await form.getByLabel("Personnummer").fill("19121212-1213");
    await form.getByLabel("E-post").fill("stig.berg@example.se");
    await form.getByLabel("Telefon").fill("070-123 45 67");
    await form.getByLabel("Gatuadress").fill("Storgatan 1");
    await form.getByLabel("Postnummer").fill("0532");
    await form.getByLabel("Ort", { exact: true }).fill("Uppsala");
    await form.getByRole("button", { name: "Skapa person" }).click();

    await form.getByRole("alert").filter({ hasText: "Kontrollera de markerade fälten" }).waitFor();
    await expectMessage(form.getByLabel("Personnummer"), "Kontrollsiffran stämmer inte");
    await expectMessage(form.getByLabel("Postnummer"), "Ett postnummer har fem siffror");
    await session.snapshot("person-invalid");
  });

  it("creates the person once corrected and greets them by the marked name", async () => {
    const form = drawer();
    await form.getByLabel("Personnummer").fill("19121212-1212");
    await form.getByLabel("Postnummer").fill("753 20");
    await form.getByRole("button", { name: "Skapa person" }).click();

    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    personUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Stig Berg" }).waitFor();
    const preferred = page.getByTestId("given-names").locator("span", { hasText: /^Stig$/ });
    // The callback runs in the browser, where getComputedStyle exists; Node's types lack it.
    const decoration = preferred.evaluate(
      (node) =>
        (
          globalThis as unknown as { getComputedStyle(element: unknown): { textDecorationLine: string } }
        ).getComputedStyle(node).textDecorationLine,
    );
    await expect(decoration).resolves.toBe("underline");
    await expect.poll(() => page.getByTestId("given-names").textContent()).toBe("Karl Stig Emanuel");
    await page.getByText("19121212-1212").waitFor();
    await expect(page.getByText("Osäkert tilltalsnamn").count()).resolves.toBe(0);

    const contact = region("Kontaktuppgifter");
    await contact.getByText("stig.berg@example.se").waitFor();
    await contact.getByText("070-123 45 67").waitFor();
    await region("Adress").getByText("753 20 Uppsala").waitFor();
  });

  it("logs a call and a task, which the timeline shows newest first", async () => {
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    let dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
    await dialog.getByLabel("Rubrik").fill("Ringde om offerten");
    await dialog.getByLabel("Beskrivning").fill("Vill ha pris på 40 säckar gödsel.");
    await dialog.getByRole("button", { name: "Logga", exact: true }).click();
    await timelineEntry("Ringde om offerten").waitFor();

    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
    await dialog.getByText("Uppgift", { exact: true }).click();
    await dialog.getByLabel("Rubrik").fill("Skicka offert");
    const due = dialog.getByLabel("Förfallodag");
    await due.click();
    await due.pressSequentially("2030-01-15");
    // The calendar follows the typed day; Escape closes it and leaves the dialog open.
    await calendar().getByText("januari 2030").waitFor();
    await page.keyboard.press("Escape");
    await calendar().waitFor({ state: "hidden" });
    await expect.poll(() => due.inputValue()).toBe("2030-01-15");
    await dialog.getByRole("button", { name: "Logga", exact: true }).click();

    const task = timelineEntry("Skicka offert");
    await task.getByText("Förfaller 2030-01-15").waitFor();
    await task.getByText("Öppen", { exact: true }).waitFor();
    const entries = await timeline().getByRole("listitem").allInnerTexts();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain("Skicka offert");
    expect(entries[1]).toContain("Ringde om offerten");
  });

  it("filters the timeline to calls only, and back", async () => {
    const kinds = page.getByRole("group", { name: "Visa typer" });
    await kinds.getByText("Samtal", { exact: true }).click();
    await expect.poll(() => timeline().getByRole("listitem").count()).toBe(1);
    await timelineEntry("Ringde om offerten").waitFor();
    await kinds.getByText("Alla", { exact: true }).click();
    await expect.poll(() => timeline().getByRole("listitem").count()).toBe(2);
  });

  it("filters the timeline by days picked in the calendar or typed, and clears them", async () => {
    const [today, yesterday] = [day(0), day(-1)];
    const from = page.getByRole("textbox", { name: "Från" });
    const to = page.getByRole("textbox", { name: "Till" });
    await from.click();
    await calendar().getByRole("button", { name: today.spoken }).click();
    await calendar().waitFor({ state: "hidden" });
    await expect.poll(() => from.inputValue()).toBe(today.iso);
    await expect.poll(() => timeline().getByRole("listitem").count()).toBe(2);

    // A "Till" before "Från" is taken as typed, and nothing lies between them.
    await to.click();
    await to.pressSequentially(yesterday.iso);
    await page.getByText("Inget matchar filtret.").waitFor();
    await expect.poll(() => to.inputValue()).toBe(yesterday.iso);

    const clear = page.getByRole("button", { name: "Töm datumet" });
    await expect(clear.count()).resolves.toBe(2);
    await clear.first().click();
    await expect.poll(() => from.inputValue()).toBe("");
    await clear.click();
    await expect.poll(() => to.inputValue()).toBe("");
    await expect.poll(() => timeline().getByRole("listitem").count()).toBe(2);
  });

  it("marks the task done", async () => {
    const task = timelineEntry("Skicka offert");
    await task.getByRole("button", { name: "Markera som klar" }).click();
    await task.getByText("Klar", { exact: true }).waitFor();
    await task.getByRole("button", { name: "Öppna igen" }).waitFor();
  });

  it("registers a move and keeps the old address in the history", async () => {
    await region("Adress").getByRole("button", { name: "Registrera flytt" }).click();
    const dialog = page.getByRole("dialog", { name: "Registrera flytt" });
    await dialog.getByLabel("Gatuadress").fill("Nygatan 2");
    await dialog.getByLabel("Postnummer").fill("22222");
    await dialog.getByLabel("Ort", { exact: true }).fill("Lund");
    // A moving date still to come is refused at the field; emptied, the move is dated today.
    const movingDate = dialog.getByLabel("Flyttdatum");
    await movingDate.click();
    await movingDate.pressSequentially(day(2).iso);
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Registrera flytt" }).click();
    await expectMessage(movingDate, "Flyttdatumet har inte kommit än");
    await dialog.getByRole("button", { name: "Töm datumet" }).click();
    await expect.poll(() => movingDate.inputValue()).toBe("");
    await dialog.getByRole("button", { name: "Registrera flytt" }).click();

    const address = region("Adress");
    await address.getByTestId("current-address").getByText("222 22 Lund").waitFor();
    await address.getByRole("group", { name: "Tidigare adresser" }).getByText("Storgatan 1, 753 20 Uppsala").waitFor();
    await session.snapshot("person-360", { fullPage: true });
  });

  it("keeps an uploaded document in the timeline, for download", async () => {
    await page.getByRole("button", { name: "Ladda upp dokument" }).click();
    const dialog = page.getByRole("dialog", { name: "Ladda upp dokument" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil" }).click();
    await (await chooser).setFiles({ name: "offert.txt", mimeType: "text/plain", buffer: Buffer.from("40 säckar") });
    await dialog.getByLabel("Rubrik").fill("Offert, 40 säckar");
    await dialog.getByRole("button", { name: "Ladda upp" }).click();

    const download = timelineEntry("Offert, 40 säckar").getByRole("link", { name: "Ladda ned offert.txt" });
    const href = (await download.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]{36}$/);
    const file = await page.request.get(href);
    await expect(file.text()).resolves.toBe("40 säckar");
  });

  it("offers the person's data as JSON and PDF", async () => {
    await page.getByRole("button", { name: "Mer" }).click();
    const id = personUrl.split("/").at(-1);
    await expect(page.getByRole("menuitem", { name: "Registerutdrag (PDF)" }).getAttribute("href")).resolves.toBe(
      `/api/people/${id}/data-export?format=pdf`,
    );
    const json = await page.request.get(
      (await page.getByRole("menuitem", { name: "Registerutdrag (JSON)" }).getAttribute("href")) ?? "",
    );
    expect(json.status()).toBe(200);
    await page.keyboard.press("Escape");
  });

  it("finds the person by a misspelt surname, and exports what the list shows", async () => {
    await navigation().getByRole("link", { name: "Personer" }).click();
    await page.getByLabel("Sök personer").fill("Bergh");
    await page.waitForURL(`${baseUrl}/people?q=Bergh`);
    const row = page.getByRole("row").filter({ hasText: "Stig Berg" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Karl Stig Emanuel");
    // Swedish Excel opens a comma file as one column: the export offers its own file first.
    await page.getByRole("button", { name: "Exportera CSV" }).click();
    const forExcel = page.getByRole("menuitem", { name: "För Excel (semikolon)" });
    await expect(forExcel.getAttribute("href")).resolves.toBe("/api/people/export.csv?q=Bergh&separator=semicolon");
    await expect(page.getByRole("menuitem", { name: "Vanlig CSV (komma)" }).getAttribute("href")).resolves.toBe(
      "/api/people/export.csv?q=Bergh",
    );
    const excelFile = await (await page.request.get((await forExcel.getAttribute("href")) ?? "")).text();
    expect(excelFile.split("\r\n")[0]).toMatch(/^\uFEFFlanthandelId;givenNames;/);
    expect(excelFile).toContain(";Karl Stig Emanuel;");
    await page.keyboard.press("Escape");
    await session.snapshot("people-search");
    await row.click();
    await page.waitForURL(personUrl);
  });

  it("refuses an organisation with a wrong organisationsnummer, then derives form and VAT from a right one", async () => {
    await navigation().getByRole("link", { name: "Organisationer" }).click();
    await page.getByRole("button", { name: "Ny organisation" }).click();
    const form = drawer();
    await form.getByRole("textbox", { name: "Namn", exact: true }).fill(COMPANY);
    await form.getByLabel("Organisationsnummer").fill("556036-0794");
    await form.getByRole("button", { name: "Skapa organisation" }).click();
    await expectMessage(form.getByLabel("Organisationsnummer"), "Kontrollsiffran stämmer inte");

    await form.getByLabel("Organisationsnummer").fill("556036-0793");
    await form.getByRole("button", { name: "Skapa organisation" }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: COMPANY }).waitFor();
    const facts = region("Företagsuppgifter");
    await facts.getByText("Aktiebolag").waitFor();
    await facts.getByText("SE556036079301").waitFor();
    await facts.getByText("556036-0793").waitFor();
  });

  it("links the person to the organisation, and both pages show it", async () => {
    await page.getByRole("button", { name: "Lägg till person" }).click();
    const dialog = page.getByRole("dialog", { name: "Lägg till person i organisationen" });
    await dialog.getByLabel("Person", { exact: true }).fill("Stig");
    await page.getByRole("option", { name: /Stig Berg/ }).click();
    await dialog.getByLabel("Titel").fill("Inköpschef");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();

    const people = region("Personer");
    const row = people.getByRole("row").filter({ hasText: "Stig Berg" });
    await row.getByText("Inköpschef").waitFor();
    // Added without the mark, then made the primary contact from the list.
    await row.getByRole("button", { name: "Gör Stig Berg till huvudkontakt" }).click();
    await row.getByText("Huvudkontakt").waitFor();
    await expect(row.getByRole("button", { name: "Gör Stig Berg till huvudkontakt" }).count()).resolves.toBe(0);
    await session.snapshot("organization");

    await row.getByRole("link", { name: "Stig Berg" }).click();
    await page.waitForURL(personUrl);
    const organizations = region("Organisationer");
    await organizations.getByRole("link", { name: COMPANY }).waitFor();
    await organizations.getByText("Inköpschef").waitFor();
  });

  it("says a mangled person address names no record, with the navigation and a way back still there", async () => {
    await page.goto(personUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.goto("/people/not-an-id");
    await page.getByText("Posten finns inte, eller så har du inte behörighet att se den.").waitFor();
    await navigation().getByRole("link", { name: "Personer" }).waitFor();
    await page.getByRole("link", { name: "Till översikten" }).waitFor();
    // Back is where the user came from.
    await page.getByRole("button", { name: "Tillbaka" }).click();
    await page.waitForURL(personUrl);
  });

  it("saves from a person opened in a new tab of the signed-in browser", async () => {
    const tab = await page.context().newPage();
    try {
      await tab.goto(personUrl);
      await tab.getByRole("button", { name: "Logga aktivitet" }).click();
      const dialog = tab.getByRole("dialog", { name: "Logga aktivitet" });
      await dialog.getByLabel("Rubrik").fill("Antecknat i en ny flik");
      await dialog.getByRole("button", { name: "Logga", exact: true }).click();
      await tab.getByRole("list", { name: "Tidslinje" }).getByText("Antecknat i en ny flik").waitFor();
      expect(new URL(tab.url()).pathname).toBe(new URL(personUrl).pathname);
    } finally {
      await tab.close();
    }
  });

  it("writes dates the Swedish way in a browser whose own language is English", async () => {
    const context = await session.browser.newContext({
      baseURL: baseUrl,
      locale: "en-US",
      timezoneId: BROWSER_TIME_ZONE,
      storageState: await page.context().storageState(),
    });
    try {
      const english = await context.newPage();
      await english.goto(personUrl);
      await expect(english.evaluate(() => navigator.language)).resolves.toBe("en-US");
      await english.getByRole("button", { name: "Logga aktivitet" }).click();
      const dialog = english.getByRole("dialog", { name: "Logga aktivitet" });
      await dialog.getByText("Uppgift", { exact: true }).click();
      const due = dialog.getByLabel("Förfallodag");
      await expect(due.getAttribute("placeholder")).resolves.toBe("ÅÅÅÅ-MM-DD");
      await due.click();
      await due.pressSequentially("2026-11-24");
      const shown = english.locator("[data-dates-dropdown]");
      await shown.getByText("november 2026").waitFor();
      await shown.getByRole("button", { name: "24 november 2026" }).waitFor();
      await expect.poll(() => due.inputValue()).toBe("2026-11-24");
    } finally {
      await context.close();
    }
  });

  it("erases the person only with a reason, then they are gone from the list", async () => {
    await page.getByRole("button", { name: "Mer" }).click();
    await page.getByRole("menuitem", { name: "Radera personuppgifter" }).click();
    const dialog = page.getByRole("dialog", { name: "Radera personuppgifterna?" });
    await dialog.getByText("Alla personuppgifter om Stig Berg raderas").waitFor();
    await dialog.getByRole("button", { name: "Radera" }).click();
    await expectMessage(dialog.getByLabel("Skäl"), "Skriv varför");

    await dialog.getByLabel("Skäl").fill("Kundens begäran per telefon");
    await dialog.getByRole("button", { name: "Radera" }).click();
    await page.waitForURL(`${baseUrl}/people`);
    await page.getByText("Det finns inga personer i registret än.").waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
