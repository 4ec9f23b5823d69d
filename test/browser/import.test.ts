import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { type BrowserSession, openBrowserSession } from "./support";

const STEWARD = { email: "maja@lanthandel.test", name: "Maja Lind", password: "ett-långt-lösenord-9" };

/**
 * A data steward brings a customer list from Excel into the register in the app: the file as
 * Swedish Excel saves it (semicolons, Windows-1252, a blank row), a trial run that saves nothing
 * and names the faulty row, then the import itself.
 */
describe("importing a spreadsheet in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      await createUser(services.systemCtx("test"), { ...STEWARD, role: "admin" });
    });
    ({ page, baseUrl } = session);
    await page.goto("/login");
    await page.getByLabel("E-post").fill(STEWARD.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(STEWARD.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const file = Buffer.from(
    [
      "Kundnummer;Förnamn;Efternamn;Personnummer;Gatuadress;Postnummer;Ort;Mobil",
      "K1;Åsa;Öberg;640823-3234;Storgatan 1 lgh 1102;11122;Västerås;070-123 45 67",
      ";;;;;;;",
      "K2;Örjan;Ängström;640823-3235;Kyrkvägen 2;752 36;Uppsala;",
      "K3;Märta;Sjöberg;;Box 12;S-413 01;Göteborg;+46 70 123 45 69",
      "K4;Kalle;Kort;12345;;;;",
    ].join("\r\n"),
    "latin1",
  );

  it("checks the file in a trial run, naming the faulty row, and saves nothing", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Personer" }).click();
    await page.getByRole("button", { name: "Importera" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    await (await chooser).setFiles({ name: "kunder.csv", mimeType: "application/vnd.ms-excel", buffer: file });
    await expect
      .poll(() => dialog.getByLabel("Provkörning: kontrollera filen utan att spara något").isChecked())
      .toBe(true);
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("4 rader: 2 skulle bli nya, 0 skulle uppdateras, 0 oförändrade, 2 med fel");
    // Row 3 as Excel shows it under the header: the blank row is counted, not reported.
    const errors = dialog.getByRole("table", { name: "Rader med fel" });
    await expect
      .poll(() => errors.getByRole("row").nth(1).textContent())
      .toBe("3PersonnummerKontrollsiffran stämmer inte – troligen är en siffra felskriven");
    // Before, a number in the wrong form was explained in the server's English.
    await expect
      .poll(() => errors.getByRole("row").nth(2).textContent())
      .toBe("5PersonnummerFel form – kontrollera antalet siffror och skiljetecknet");
    await session.snapshot("import-trial-run");
    await expect(page.request.get("/api/people").then((response) => response.json())).resolves.toMatchObject({
      items: [],
    });
  });

  it("imports the rows the trial run found sound with one click, and the list shows the people", async () => {
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    await dialog.getByRole("button", { name: "Importera 2 rader utan fel" }).click();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("4 rader: 2 nya, 0 uppdaterade, 0 oförändrade, 2 med fel");
    // The run was a real one: the box is unticked, and nothing more is offered for the file.
    await expect(dialog.getByLabel("Provkörning: kontrollera filen utan att spara något").isChecked()).resolves.toBe(
      false,
    );
    await expect(dialog.getByRole("button", { name: /utan fel/ }).count()).resolves.toBe(0);
    await dialog.getByRole("button", { name: "Stäng" }).click();
    await page.getByRole("row").filter({ hasText: "Åsa Öberg" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Märta Sjöberg" }).waitFor();
  });

  it("reads a column it did not recognise as the field the user maps it to", async () => {
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    await page.getByRole("button", { name: "Importera" }).click();
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    const shop = ["Kundnummer;Förnamn;Efternamn;Jobbmejl;Kundklass", "K9;Stina;Ek;stina.ek@firma.example;A"].join(
      "\r\n",
    );
    await (await chooser).setFiles({ name: "butik.csv", mimeType: "text/csv", buffer: Buffer.from(shop) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await dialog.getByText("Kolumner som inte lästes: Jobbmejl, Kundklass").waitFor();
    await dialog.getByRole("combobox", { name: "Kolumnen Jobbmejl" }).click();
    await page.getByRole("option", { name: "E-post", exact: true }).click();
    // The report stays while columns are mapped.
    await expect.poll(() => dialog.getByRole("status").textContent()).toMatch(/^1 rad: 1 skulle bli nya/);
    // …but what it counted was the file read without the mapping: not offered for import as such.
    await expect(dialog.getByRole("button", { name: "Importera 1 rad utan fel" }).count()).resolves.toBe(0);
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await dialog.getByText("Kolumner som inte lästes: Kundklass").waitFor();
    await dialog.getByRole("button", { name: "Importera 1 rad utan fel" }).waitFor();
    // The mapped column is still offered, with the choice made.
    await expect.poll(() => dialog.getByRole("combobox", { name: "Kolumnen Jobbmejl" }).inputValue()).toBe("E-post");
    await dialog.getByLabel("Provkörning: kontrollera filen utan att spara något").uncheck();
    await dialog.getByRole("button", { name: "Importera", exact: true }).click();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("1 rad: 1 nya, 0 uppdaterade, 0 oförändrade, 0 med fel");
    const people = await (await page.request.get("/api/people?q=stina.ek@firma.example")).json();
    expect(people.items.map((person: { email: string }) => person.email)).toEqual(["stina.ek@firma.example"]);
    expect(session.pageErrors).toEqual([]);
  });

  it("gives the imported customers to the seller the file names, and names a seller it cannot find", async () => {
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    await dialog.getByRole("button", { name: "Stäng" }).click();
    await page.getByRole("button", { name: "Importera" }).click();
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    const sellers = ["Kundnummer;Förnamn;Efternamn;Säljare", "S1;Rut;Berg;Maja Lind", "S2;Sture;Berg;Per Okänd"].join(
      "\r\n",
    );
    await (await chooser).setFiles({ name: "saljare.csv", mimeType: "text/csv", buffer: Buffer.from(sellers) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("2 rader: 1 skulle bli nya, 0 skulle uppdateras, 0 oförändrade, 1 med fel");
    // The fault is named by the file's own column.
    const errors = dialog.getByRole("table", { name: "Rader med fel" });
    await expect
      .poll(() => errors.getByRole("row").nth(1).textContent())
      .toBe("2SäljareIngen användare har det namnet eller den e-postadressen");
    await session.snapshot("import-sellers");
    await dialog.getByLabel("Provkörning: kontrollera filen utan att spara något").uncheck();
    await dialog.getByRole("button", { name: "Importera", exact: true }).click();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("2 rader: 1 nya, 0 uppdaterade, 0 oförändrade, 1 med fel");
    await dialog.getByRole("button", { name: "Stäng" }).click();
    // Rut is Maja's customer now: the list names her seller.
    await page.goto("/people?q=Rut Berg");
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Rut Berg" }).innerText()).toContain("Maja Lind");
    expect(session.pageErrors).toEqual([]);
  });

  it("shows how far a large file has got while it is checked", async () => {
    await page.goto("/people");
    await page.getByRole("button", { name: "Importera" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    const rows = Array.from({ length: 40_000 }, (_, n) => `L${n};Lina${n};Långsson;lina${n}@exempel.se`);
    const large = Buffer.from(["Kundnummer;Förnamn;Efternamn;E-post", ...rows].join("\r\n"));
    await (await chooser).setFiles({ name: "stor.csv", mimeType: "text/csv", buffer: large });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    // Midway: a bar of the file read, and the rows done so far, read off the page at one moment
    // (the whole check takes a few seconds).
    const midway = await page.waitForFunction(
      () => {
        interface Node {
          textContent: string | null;
          getAttribute(name: string): string | null;
          closest(selector: string): { querySelectorAll(selector: string): Iterable<Node> } | null;
        }
        const view = globalThis as unknown as { document: { querySelector(selector: string): Node | null } };
        const bar = view.document.querySelector('[role="progressbar"][aria-label="Importens förlopp"]');
        const texts = [...(bar?.closest(".mantine-Stack-root")?.querySelectorAll("p") ?? [])].map(
          (element) => element.textContent ?? "",
        );
        return texts.some((text) => text.includes("rader lästa"))
          ? { share: Number(bar?.getAttribute("aria-valuenow")), texts }
          : null;
      },
      undefined,
      { timeout: 60_000, polling: "raf" },
    );
    const { share, texts } = (await midway.jsonValue()) as { share: number; texts: string[] };
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(100);
    expect(texts[0]).toMatch(/^\d{1,2}\s\d{3} rader lästa \(\d{1,2}\s%/);
    expect(texts[1]).toMatch(/^[\d\s]+ skulle bli nya, 0 skulle uppdateras, 0 med fel hittills$/);
    await session.snapshot("import-progress");
    await expect
      .poll(() => dialog.getByRole("status").textContent(), { timeout: 60_000 })
      .toBe("40\u00a0000 rader: 40\u00a0000 skulle bli nya, 0 skulle uppdateras, 0 oförändrade, 0 med fel");
    expect(await dialog.getByRole("progressbar").count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it("imports an order history for the customers, and the same file again changes nothing", async () => {
    await page.goto("/people");
    await page.getByRole("button", { name: "Importera" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    await dialog.getByRole("combobox", { name: "Vad filen innehåller" }).click();
    await page.getByRole("option", { name: "Ordrar" }).click();
    const orders = [
      "Ordernr;Kundnummer;Belopp;Status;Orderdatum",
      "5001;K1;1 250,00;betald;2026-03-02",
      "5002;K3;99,50;öppen;2026-03-03",
    ];
    const send = async () => {
      const chooser = page.waitForEvent("filechooser");
      await dialog.getByRole("button", { name: "Fil", exact: true }).click();
      await (await chooser).setFiles({
        name: "ordrar.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(orders.join("\r\n")),
      });
      await dialog.getByLabel("Provkörning: kontrollera filen utan att spara något").uncheck();
      await dialog.getByRole("button", { name: "Importera", exact: true }).click();
    };
    await send();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("2 rader: 2 nya, 0 uppdaterade, 0 oförändrade, 0 med fel");
    await send();
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("2 rader: 0 nya, 0 uppdaterade, 2 oförändrade, 0 med fel");
    await session.snapshot("import-orders-again");
    const [asa] = (await (await page.request.get("/api/people?q=Åsa Öberg")).json()).items;
    const timeline = await (await page.request.get(`/api/people/${asa.id}/timeline?kinds=order`)).json();
    expect(timeline.items.map((item: { data: { number: string; status: string } }) => item.data)).toEqual([
      expect.objectContaining({ number: "5001", status: "paid", totalSek: 1250 }),
    ]);
    expect(session.pageErrors).toEqual([]);
  });
  it("names a company's faulty e-mail, phone and postcode by the file's own columns", async () => {
    await page.goto("/organizations");
    await page.getByRole("button", { name: "Importera" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    await (await chooser).setFiles({
      name: "foretag.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Orgnr;Företagsnamn;Mejl;Växel;Postnr;Ort\r\n556036-0793;Acme AB;info@acme;abc;1234;Lund"),
    });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect.poll(() => dialog.getByRole("status").textContent()).toMatch(/^1 rad: .*1 med fel$/);
    const errors = dialog.getByRole("table", { name: "Rader med fel" });
    // Before, these were named by the server's own paths: emails.0.address, phones.0.number.
    const columns = await errors
      .getByRole("row")
      .evaluateAll((rows) => rows.slice(1).map((row) => row.children[1]?.textContent));
    expect(columns).toEqual(["Mejl", "Växel", "Postnr"]);
    await session.snapshot("import-organization-faults");
    expect(session.pageErrors).toEqual([]);
  });

  it("explains an activity file's faults in Swedish, under the file's own columns", async () => {
    await page.goto("/people");
    await page.getByRole("button", { name: "Importera" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera från kalkylblad" });
    await dialog.getByRole("combobox", { name: "Vad filen innehåller" }).click();
    await page.getByRole("option", { name: "Aktiviteter" }).click();
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Fil", exact: true }).click();
    const rows = [
      "Kundnummer;Typ;Rubrik;Datum;Förfallodatum",
      "K1;Fax;Skickade fax;2026-03-02;",
      "K1;samtal;Ringde;2026-03-02;2026-04-01",
      "K1;möte;;2026-03-02;",
    ];
    await (await chooser).setFiles({
      name: "aktiviteter.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(rows.join("\r\n")),
    });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    const errors = dialog.getByRole("table", { name: "Rader med fel" });
    await errors.getByRole("row").nth(3).waitFor();
    const texts = await errors
      .getByRole("row")
      .evaluateAll((found) => found.slice(1).map((row) => [...row.children].map((cell) => cell.textContent)));
    // Before, the verb's English: "Invalid option: expected one of …", "Only tasks have a due date".
    expect(texts).toEqual([
      ["1", "Typ", "Okänd aktivitet: skriv samtal, möte, e-post, anteckning eller uppgift"],
      ["2", "Förfallodatum", "Bara en uppgift har förfallodatum"],
      ["3", "Rubrik", "Saknas"],
    ]);
    expect(session.pageErrors).toEqual([]);
  });
});
