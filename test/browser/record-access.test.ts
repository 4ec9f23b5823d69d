import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, createTeam, createUser } from "../../src/modules/access";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const PASSWORD = "ett-långt-lösenord-7";
const ANNA = { email: "anna@lanthandel.test", name: "Anna Ek", password: PASSWORD };
const BO = { email: "bo@lanthandel.test", name: "Bo Lind", password: PASSWORD };
const SYD = "Sälj Syd";
const NORR = "Sälj Norr";

/**
 * A seller of one team at work on the real server and the built web app: another team's
 * customer is shown with its owner and without the changes the server would refuse, her own
 * team's customers take them, a refusal that still happens says why, an upload that is too big
 * or empty is told in Swedish, and the pages fit a phone.
 */
describe("record-level access in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let adminKey = "";
  let annaId = "";
  let boId = "";
  let norrId = "";
  let sydId = "";
  /** Berit, a customer of Bo in team Norr. */
  let beritId = "";
  /** Algot, a customer of Anna's team Syd. */
  let algotId = "";
  let organizationId = "";

  /** Calls the API as the administrator, to arrange what the seller then meets. */
  const asAdmin = async (method: "GET" | "POST" | "PATCH", url: string, payload?: object) => {
    const response = await session.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${adminKey}` },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string };
  };
  /** Calls the API with the signed-in browser's session and CSRF token, as the app does. */
  const asSignedIn = (method: "POST", url: string, body: unknown) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } })
          .localStorage;
        const response = await fetch(url, {
          method,
          headers: { "x-csrf-token": storage.getItem("lh_csrf") ?? "", "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        return response.status;
      },
      { method, url, body },
    );

  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const timeline = () => page.getByRole("list", { name: "Tidslinje" });
  const timelineCard = () => region("Tidslinje");
  const timelineEntry = (title: string) => timeline().getByRole("listitem").filter({ hasText: title });
  const header = () => page.getByTestId("record-header");
  const openPerson = async (personId: string) => {
    await page.goto(`/people/${personId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  };
  const horizontalOverflow = () =>
    page.evaluate(() => {
      const view = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      const admin = await createUser(ctx, {
        email: "signe@lanthandel.test",
        name: "Signe Holm",
        password: PASSWORD,
        role: "admin",
      });
      adminKey = (await createApiKey(ctx, { name: "test", userId: admin.id })).key;
      const syd = await createTeam(ctx, { name: SYD });
      sydId = syd.id;
      const norr = await createTeam(ctx, { name: NORR });
      norrId = norr.id;
      annaId = (await createUser(ctx, { ...ANNA, role: "sales", teamIds: [syd.id] })).id;
      boId = (await createUser(ctx, { ...BO, role: "sales", teamIds: [norr.id] })).id;
      await createUser(ctx, {
        email: "slutat@lanthandel.test",
        name: "Slutat Person",
        password: PASSWORD,
        role: "sales",
      });
    });
    ({ page, baseUrl } = session);
    beritId = (
      await asAdmin("POST", "/api/people", {
        givenNames: "Berit",
        surname: "Norrman",
        ownerId: boId,
        ownerTeamId: norrId,
        address: { street: "Storgatan 1", postalCode: "90326", city: "Umeå" },
      })
    ).id;
    await asAdmin("POST", "/api/activities", {
      personId: beritId,
      kind: "task",
      subject: "Bos uppgift",
      ownerId: boId,
      dueAt: "2030-01-15T09:00:00Z",
    });
    await asAdmin("POST", "/api/activities", {
      personId: beritId,
      kind: "task",
      subject: "Annas uppgift hos Berit",
      ownerId: annaId,
      dueAt: "2030-01-16T09:00:00Z",
    });
    await asAdmin("POST", "/api/cases", {
      personId: beritId,
      subject: "Trasig kaffebryggare",
      category: "reklamation_vara",
      priority: "high",
    });
    algotId = (
      await asAdmin("POST", "/api/people", {
        givenNames: "Algot Valdemar",
        surname: "Sydén-Kronqvist",
        ownerTeamId: sydId,
        emails: [{ address: "algot.valdemar.syden-kronqvist@exempelforetaget.se" }],
        phones: [{ number: "070-123 45 67" }],
        address: { street: "Långa Vägen 12", postalCode: "22222", city: "Lund" },
      })
    ).id;
    organizationId = (
      await asAdmin("POST", "/api/organizations", {
        name: "Exempelbolaget i Lund AB",
        organisationsnummer: "556036-0793",
        industry: "Detaljhandel med järnhandelsvaror",
        sniCode: "47.521",
        ownerTeamId: norrId,
      })
    ).id;

    await page.goto("/login");
    await page.getByLabel("E-post").fill(ANNA.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ANNA.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("shows another team's customer with its owner, and no changes the server would refuse", async () => {
    await openPerson(beritId);
    await header().getByText(`Bo Lind · team ${NORR}`).waitFor();
    await header().getByText("Du kan läsa men inte ändra posten").waitFor();
    for (const name of ["Redigera", "Ladda upp dokument", "Logga aktivitet"]) {
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    }
    await expect(region("Adress").getByRole("button", { name: "Registrera flytt" }).count()).resolves.toBe(0);
    await expect(region("Sammanslagningar").getByRole("button", { name: "Sök dubbletter" }).count()).resolves.toBe(0);
    await expect(
      region("Samtycken och integritet")
        .getByRole("switch", { name: "Samtycke till marknadsföring via e-post" })
        .isDisabled(),
    ).resolves.toBe(true);
    await timelineEntry("Bos uppgift").getByText("Öppen", { exact: true }).waitFor();
    await expect(timelineEntry("Bos uppgift").getByRole("button").count()).resolves.toBe(0);
    await session.snapshot("access-other-team", { fullPage: true });
  });

  it("still lets the seller close a task assigned to her on that customer", async () => {
    const task = timelineEntry("Annas uppgift hos Berit");
    await task.getByRole("button", { name: "Markera som klar" }).click();
    await task.getByText("Klar", { exact: true }).waitFor();
  });

  it("names a case's category in words, not as its code", async () => {
    const entry = timelineEntry("Trasig kaffebryggare");
    await entry.getByText(/^Reklamation vara · ny · hög/).waitFor();
    await expect(entry.textContent()).resolves.not.toContain("reklamation_vara");
  });

  it("shows the organisation's owner and leaves out its edit button for a seller of another team", async () => {
    await page.goto(`/organizations/${organizationId}`);
    await page.getByRole("heading", { level: 1, name: "Exempelbolaget i Lund AB" }).waitFor();
    await header().getByText(`team ${NORR}`).waitFor();
    await expect(page.getByRole("button", { name: "Redigera" }).count()).resolves.toBe(0);
  });

  it("keeps identifiers whole and inside the organisation's facts card at 1280 px", async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    const facts = region("Företagsuppgifter");
    // The list's own edge, inside the card's padding, where its dividers end.
    const card = await facts.locator("dl").boundingBox();
    for (const identifier of ["SE556036079301", "556036-0793"]) {
      const value = facts.getByText(identifier, { exact: true });
      const box = await value.boundingBox();
      expect(box && card && box.x + box.width <= card.x + card.width).toBe(true);
      // One line: an identifier broken at its hyphen would stand twice as high as a line.
      const lineHeight = await value.evaluate(
        (node) =>
          Number.parseFloat(
            (globalThis as unknown as { getComputedStyle(element: unknown): { lineHeight: string } }).getComputedStyle(
              node,
            ).lineHeight,
          ) || 20,
      );
      expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);
    }
    await session.snapshot("access-organization-1280");
    await page.setViewportSize({ width: 1360, height: 860 });
  });

  it("offers every change on her own team's customer, and names its team as owner", async () => {
    await openPerson(algotId);
    await header().getByText(`team ${SYD}`).waitFor();
    for (const name of ["Redigera", "Ladda upp dokument", "Logga aktivitet"]) {
      await page.getByRole("button", { name }).waitFor();
    }
    await expect(header().getByText("Du kan läsa men inte ändra posten").count()).resolves.toBe(0);
  });

  it("says why, in Swedish, when the customer was given to another team while the page was open", async () => {
    await asAdmin("PATCH", `/api/people/${algotId}`, { ownerTeamId: norrId });
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    const dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
    await dialog.getByLabel("Rubrik").fill("Ringde om offerten");
    await dialog.getByRole("button", { name: "Logga", exact: true }).click();
    await dialog
      .getByRole("alert")
      .getByText(
        "Posten tillhör en annan användare eller ett annat team. Din roll får bara ändra dina egna och ditt teams poster.",
      )
      .waitFor();
    await session.snapshot("access-refused");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await asAdmin("PATCH", `/api/people/${algotId}`, { ownerTeamId: sydId });
    await page.reload();
    await page.getByRole("button", { name: "Logga aktivitet" }).waitFor();
  });

  it("says in Swedish that a document is too large or empty, at the file field", async () => {
    // A file on disk, as a user picks it: a 30 MB buffer sent through the browser protocol is slow.
    const folder = mkdtempSync(join(tmpdir(), "lanthandel-upload-"));
    const upload = async (name: string, buffer: Buffer) => {
      const path = join(folder, name);
      writeFileSync(path, buffer);
      await page.getByRole("button", { name: "Ladda upp dokument" }).click();
      const dialog = page.getByRole("dialog", { name: "Ladda upp dokument" });
      const chooser = page.waitForEvent("filechooser");
      await dialog.getByRole("button", { name: "Fil" }).click();
      await (await chooser).setFiles(path);
      await dialog.getByRole("button", { name: "Ladda upp" }).click();
      return dialog;
    };
    let dialog = await upload("film.mov", Buffer.alloc(30 * 1024 * 1024, 1));
    await expect
      .poll(() => describedBy(dialog.getByRole("button", { name: "Fil" })))
      .toContain("Filen är för stor: ett dokument får vara högst 20 MB");
    await dialog.getByRole("alert").getByText("Filen är för stor.").waitFor();
    await session.snapshot("access-upload-too-large");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    dialog = await upload("tom.txt", Buffer.alloc(0));
    await expect
      .poll(() => describedBy(dialog.getByRole("button", { name: "Fil" })))
      .toContain("Filen är tom – välj en fil med innehåll");
    await expect(dialog.textContent()).resolves.not.toContain("The file is empty");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    rmSync(folder, { recursive: true, force: true });
  });

  it("names the user who merged two records, to that user too", async () => {
    const twin = await asAdmin("POST", "/api/people", { givenNames: "Algot", surname: "Sydén", ownerTeamId: sydId });
    await expect(asSignedIn("POST", `/api/people/${algotId}/merge`, { otherId: twin.id })).resolves.toBe(200);
    await openPerson(algotId);
    const merge = region("Sammanslagningar").getByTestId("merge-entry");
    await merge.getByText(/, av Anna Ek$/).waitFor();
    await expect(merge.textContent()).resolves.not.toContain("av en användare");
  });

  describe("on a 390 px phone", () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 390, height: 844 });
    });

    it("fits the person page, its header buttons and the timeline's filters without sideways scrolling", async () => {
      await openPerson(algotId);
      await timelineCard().waitFor();
      await session.snapshot("access-person-390", { fullPage: true });
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      // No ⋯ menu: its export and erasure are not a seller's to use.
      for (const name of ["Redigera", "Ladda upp dokument", "Logga aktivitet"]) {
        const box = await page.getByRole("button", { name, exact: true }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, name).toBe(true);
      }
      const to = await page.getByRole("textbox", { name: "Till" }).boundingBox();
      expect(to && to.x + to.width <= 390).toBe(true);
    });

    it("fits the log-activity dialog with both directions readable", async () => {
      await page.getByRole("button", { name: "Logga aktivitet" }).click();
      const dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
      await dialog.getByText("Inkommande", { exact: true }).waitFor();
      await session.snapshot("access-log-activity-390");
      const inbound = await dialog.getByText("Inkommande", { exact: true }).evaluate((node) => {
        const element = node as unknown as {
          scrollWidth: number;
          clientWidth: number;
          getBoundingClientRect(): { right: number };
        };
        return { clipped: element.scrollWidth > element.clientWidth, right: element.getBoundingClientRect().right };
      });
      expect(inbound.clipped).toBe(false);
      expect(inbound.right).toBeLessThanOrEqual(390);
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });
    });

    it("fits another team's customer and the organisation page", async () => {
      await openPerson(beritId);
      await timelineEntry("Bos uppgift").waitFor();
      await session.snapshot("access-other-team-390", { fullPage: true });
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      await page.goto(`/organizations/${organizationId}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await session.snapshot("access-organization-390", { fullPage: true });
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      expect(session.pageErrors).toEqual([]);
    });
  });
});
