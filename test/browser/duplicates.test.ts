import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { type BrowserSession, openBrowserSession } from "./support";

const ADMIN = { email: "elin@lanthandel.test", name: "Elin Sandberg", password: "ett-långt-lösenord-7" };
const UPPSALA = { street: "Kungsgatan 4", postalCode: "753 21", city: "Uppsala" };
const FIRST_CALL = "Samtal om leveransen";
const SECOND_NOTE = "Frågade om fakturan";

/**
 * Cleaning up duplicates as an administrator would, on the real server and the built web app:
 * one record checked for duplicates from its page, the pair reviewed side by side and merged,
 * the merge undone from the survivor's page, and a father and son told apart. The steps share
 * the browser page and the records.
 */
describe("duplicates in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let firstId = "";
  let secondId = "";

  /** Calls the API with the signed-in browser's session and CSRF token, as the app does. */
  const callApi = <T>(method: "GET" | "POST", url: string, body?: unknown) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } })
          .localStorage;
        const headers: Record<string, string> = { "x-csrf-token": storage.getItem("lh_csrf") ?? "" };
        if (body !== undefined) headers["content-type"] = "application/json";
        const response = await fetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      { method, url, body },
    ) as Promise<T>;
  const createPerson = async (person: Record<string, unknown>) =>
    (await callApi<{ id: string }>("POST", "/api/people", { lifecycleStage: "interested", ...person })).id;
  const logCall = (personId: string, subject: string) =>
    callApi("POST", "/api/activities", { personId, kind: "call", subject });

  const snapshot = (name: string, fullPage = false) =>
    page.screenshot({ path: `/tmp/dup-${name}.png`, animations: "disabled", fullPage });
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const timeline = () => page.getByRole("list", { name: "Tidslinje" });
  const queueRows = () => page.getByRole("table", { name: "Dubbletter" }).locator("tbody tr");
  const openPerson = async (personId: string) => {
    await page.goto(`/people/${personId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  };

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

    // The same woman twice: once as the register wrote her, once as a shop without å and ö did.
    firstId = await createPerson({
      givenNames: "Åsa Maria",
      preferredNameMarking: "10",
      surname: "Wikström",
      birthDate: "1984-11-02",
      emails: [{ address: "asa.wikstrom@example.se" }],
      address: UPPSALA,
    });
    secondId = await createPerson({
      givenNames: "Asa",
      surname: "Wikstrom",
      birthDate: "1984-11-02",
      emails: [{ address: "asaw@example.se" }],
      address: UPPSALA,
      source: { system: "webbutik" },
    });
    await logCall(firstId, FIRST_CALL);
    await logCall(secondId, SECOND_NOTE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("checks a person for duplicates from their page, and queues the likely pair for review", async () => {
    await openPerson(secondId);
    const merges = region("Sammanslagningar");
    await merges.getByText("Inga sammanslagningar.").waitFor();
    await merges.getByRole("button", { name: "Sök dubbletter" }).click();
    const dialog = page.getByRole("dialog", { name: "Sök dubbletter" });
    await dialog.getByText("1 par väntar på granskning.").waitFor();
    await dialog.getByRole("link", { name: "Åsa Wikström" }).waitFor();
    await dialog.getByText("Kanske samma person").waitFor();
    await snapshot("match-result");

    await dialog.getByRole("link", { name: "Till dubbletterna" }).click();
    await page.waitForURL(`${baseUrl}/people/duplicates`);
    await expect(page.getByRole("tab", { name: /Dubbletter/ }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect.poll(() => queueRows().count()).toBe(1);
    const row = queueRows().first();
    await row.getByRole("link", { name: "Åsa Wikström" }).waitFor();
    await row.getByRole("link", { name: "Asa Wikstrom" }).waitFor();
    expect(await row.textContent()).toMatch(/\d+(,\d)?\u00a0%/);
    await row.getByText("Kanske samma person").waitFor();
    await snapshot("queue");
  });

  it("shows the pair side by side with the matcher's reasons, and merges it keeping the first record", async () => {
    await queueRows().first().getByRole("link", { name: "Granska" }).click();
    await page.waitForURL(/\/people\/duplicates\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Granska möjlig dubblett" }).waitFor();

    const records = page.getByRole("table", { name: "Posterna sida vid sida" });
    const headings = records.locator("thead th");
    await expect(headings.nth(1).textContent()).resolves.toContain("Åsa Wikström");
    await expect(headings.nth(2).textContent()).resolves.toContain("Asa Wikstrom");
    const row = (name: string) => records.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row("Födelsedatum").textContent()).resolves.toContain("1984-11-02");
    await expect(row("Nuvarande adress").textContent()).resolves.toContain("Kungsgatan 4, 753 21 Uppsala");
    await expect(row("E-post").getAttribute("data-verdict")).resolves.toBe("differs");
    await expect(row("Födelsedatum").getAttribute("data-verdict")).resolves.toBe("agrees");
    await row("Källor").getByText("webbutik").waitFor();

    const explanation = page.getByRole("table", { name: "Matchningens bedömning" });
    const reason = (field: string) => explanation.locator("tbody tr").filter({ hasText: field });
    await expect(reason("Efternamn").textContent()).resolves.toContain("lika så när som på å, ä, ö");
    await expect(reason("Födelsedatum").textContent()).resolves.toContain("exakt lika");
    // Values read left record first, as the columns above them do.
    await expect(reason("E-post").textContent()).resolves.toMatch(
      /olikaasa\.wikstrom@example\.se ~ asaw@example\.se\u2212\d,\d/,
    );
    await explanation.getByText("Sammanlagt").waitFor();
    await snapshot("review", true);

    await page.getByRole("button", { name: "Slå ihop – behåll vänster" }).click();
    await page.waitForURL(`${baseUrl}/people/duplicates`);
    const notice = page.getByRole("status").filter({ hasText: "Posterna är sammanslagna" });
    await notice.getByText("Asa Wikstrom ingår nu i Åsa Wikström.").waitFor();
    await page.getByText("Inga par väntar på granskning.").waitFor();
    await snapshot("merged");
  });

  it("tells on the merged record's page where it lives on, and the survivor holds both activities", async () => {
    await openPerson(secondId);
    const notice = page.getByTestId("merged-notice");
    await notice.getByText("Posten är sammanslagen").waitFor();
    await snapshot("merged-person");
    // What is written about the person belongs on the survivor: the merged record offers no changes.
    for (const name of ["Redigera", "Logga aktivitet", "Ladda upp dokument", "Registrera flytt", "Lägg till adress"]) {
      await expect(page.getByRole("button", { name, exact: true }).count(), name).resolves.toBe(0);
    }
    // The survivor keeps its given name; the surname is the one written most recently, here without ö.
    await notice.getByRole("link", { name: /^Gå till Åsa Wikstr[oö]m$/ }).click();
    await page.waitForURL(`${baseUrl}/people/${firstId}`);
    await page.getByRole("heading", { level: 1, name: /^Åsa Wikstr[oö]m$/ }).waitFor();
    await timeline().getByText(FIRST_CALL).waitFor();
    await timeline().getByText(SECOND_NOTE).waitFor();
    await expect(page.getByTestId("merged-notice").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Logga aktivitet", exact: true }).waitFor();
  });

  it("undoes the merge from the survivor's Merges card, giving each person their own activity back", async () => {
    const merges = region("Sammanslagningar");
    const entry = merges.getByTestId("merge-entry");
    await entry.getByText("slogs ihop med den här posten").waitFor();
    await entry.getByRole("link", { name: "Asa Wikstrom" }).waitFor();
    await snapshot("survivor", true);

    await entry.getByRole("button", { name: "Ångra" }).click();
    const confirm = page.getByRole("dialog").filter({ hasText: "Ångra sammanslagningen?" });
    await confirm.getByText("Asa Wikstrom blir en egen post igen").waitFor();
    await snapshot("undo-confirm");
    await confirm.getByRole("button", { name: "Ångra" }).click();
    await merges.getByText("Sammanslagningen är ångrad. Asa Wikstrom är en egen post igen.").waitFor();
    await entry.getByText(/^Ångrad /).waitFor();
    // The timeline is fetched again after the undo; the note goes back to its own person then.
    await expect.poll(() => timeline().getByText(SECOND_NOTE).count(), { timeout: 10_000 }).toBe(0);
    await timeline().getByText(FIRST_CALL).waitFor();
    await snapshot("undone", true);

    await merges.getByRole("link", { name: "Öppna Asa Wikstrom" }).click();
    await page.waitForURL(`${baseUrl}/people/${secondId}`);
    await page.getByRole("heading", { level: 1, name: "Asa Wikstrom" }).waitFor();
    await timeline().getByText(SECOND_NOTE).waitFor();
    await expect(timeline().getByText(FIRST_CALL).count()).resolves.toBe(0);
    await expect(page.getByTestId("merged-notice").count()).resolves.toBe(0);
  });

  it("marks a father and son of one name and address as different people, and the pair leaves the queue", async () => {
    const bygatan = { street: "Bygatan 3", postalCode: "223 50", city: "Lund" };
    await createPerson({ givenNames: "Nils", surname: "Holm", birthDate: "1961-05-05", address: bygatan });
    const son = await createPerson({ givenNames: "Nils", surname: "Holm", birthDate: "1991-05-05", address: bygatan });
    const matched = await callApi<{ queued: number; merged: string | null }>("POST", `/api/people/${son}/match`);
    expect(matched).toMatchObject({ queued: 1, merged: null });

    await page.getByRole("navigation").getByRole("link", { name: "Personer" }).click();
    await page.waitForURL(`${baseUrl}/people`);
    await snapshot("people-tabs");
    await page.getByRole("tab", { name: /Dubbletter/ }).click();
    await page.waitForURL(`${baseUrl}/people/duplicates`);
    const pair = queueRows().filter({ hasText: "Nils Holm" });
    await pair.waitFor();
    await pair.getByRole("link", { name: "Granska" }).click();
    const birthDates = page
      .getByRole("table", { name: "Posterna sida vid sida" })
      .locator("tbody tr")
      .filter({ hasText: "Födelsedatum" });
    await birthDates.getByText("1961-05-05").waitFor();
    await birthDates.getByText("1991-05-05").waitFor();
    await page.getByRole("table", { name: "Matchningens bedömning" }).getByText("1961-05-05 ~ 1991-05-05").waitFor();
    await snapshot("review-father-and-son", true);

    await page.getByRole("button", { name: "Olika personer" }).click();
    await page.waitForURL(`${baseUrl}/people/duplicates`);
    await page.getByRole("status").filter({ hasText: "Markerade som olika personer" }).waitFor();
    await page.getByText("Inga par väntar på granskning.").waitFor();
    await expect(queueRows().filter({ hasText: "Nils Holm" }).count()).resolves.toBe(0);
    await snapshot("distinct");

    await page.getByRole("radiogroup", { name: "Visa" }).getByText("Olika personer").click();
    await page.waitForURL(`${baseUrl}/people/duplicates?status=distinct`);
    await queueRows().filter({ hasText: "Nils Holm" }).getByRole("link", { name: "Visa" }).click();
    await page.getByRole("status").filter({ hasText: "Paret markerades som olika personer" }).waitFor();
    await expect(page.getByRole("button", { name: "Olika personer" }).count()).resolves.toBe(0);
  });

  it("merges at once a new record that shares the e-mail address, and its page says where it went", async () => {
    const again = await createPerson({
      givenNames: "Åsa Maria",
      preferredNameMarking: "10",
      surname: "Wikström",
      birthDate: "1984-11-02",
      emails: [{ address: "asa.wikstrom@example.se" }],
      address: UPPSALA,
    });
    await openPerson(again);
    await region("Sammanslagningar").getByRole("button", { name: "Sök dubbletter" }).click();
    const dialog = page.getByRole("dialog", { name: "Sök dubbletter" });
    await dialog.getByText("Personen fanns redan och har slagits ihop med").waitFor();
    await dialog
      .getByRole("link", { name: /^Åsa Wikstr[oö]m$/ })
      .first()
      .waitFor();
    await page.getByTestId("merged-notice").waitFor();
    await snapshot("auto-merged");
    await dialog.getByRole("button", { name: "Stäng" }).click();
    await expect(region("Sammanslagningar").getByRole("button", { name: "Sök dubbletter" }).count()).resolves.toBe(0);
    await region("Sammanslagningar").getByText("Den här posten slogs ihop med").waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
