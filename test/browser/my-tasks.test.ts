import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivityOnRecord } from "../../src/flows/timeline-writes";
import { createUser } from "../../src/modules/access";
import { logActivity, setTaskStatus } from "../../src/modules/activities";
import { addRole, createOrganization, createPerson } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession } from "./support";

const SELLER = { email: "saga@lanthandel.test", name: "Saga Säljare", password: "ett-långt-lösenord-7" };
const DAY = 86_400_000;

/**
 * A seller's to-do list on the overview: their open tasks across every customer, the overdue
 * first and marked, each naming the customer it is about, and closed from the list.
 */
describe("my tasks on the overview", () => {
  let session: BrowserSession;
  let page: Page;
  let personId = "";
  let forgottenId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      const seller = await createUser(ctx, { ...SELLER, role: "sales" });
      const colleague = await createUser(ctx, {
        email: "kollega@lanthandel.test",
        name: "Kalle Kollega",
        password: "ett-långt-lösenord-8",
        role: "sales",
      });
      const person = await createPerson(ctx, {
        givenNames: "Karl Stig Emanuel",
        preferredNameMarking: "20",
        surname: "Ek",
      });
      personId = person.id;
      const organization = await createOrganization(ctx, { name: "Vedboden i Rimbo AB" });
      const now = Date.now();
      await logActivity(ctx, {
        organizationId: organization.id,
        kind: "task",
        subject: "Skicka offert på ved",
        dueAt: new Date(now + 5 * DAY),
        ownerId: seller.id,
      });
      await logActivity(ctx, {
        personId,
        kind: "task",
        subject: "Ring om reklamationen",
        dueAt: new Date(now - 3 * DAY),
        ownerId: seller.id,
      });
      await logActivity(ctx, {
        personId,
        kind: "task",
        subject: "Kollegans uppgift",
        dueAt: new Date(now - DAY),
        ownerId: colleague.id,
      });
      for (let later = 1; later <= 7; later++) {
        await logActivity(ctx, {
          organizationId: organization.id,
          kind: "task",
          subject: `Uppföljning ${later}`,
          dueAt: new Date(now + (10 + later) * DAY),
          ownerId: seller.id,
        });
      }
      const done = await logActivity(ctx, {
        personId,
        kind: "task",
        subject: "Redan gjord",
        dueAt: new Date(now - 2 * DAY),
        ownerId: seller.id,
      });
      await setTaskStatus(ctx, done.id, { status: "done" });
      // Her customers: one not called for half a year, one never, one called this week.
      for (const [givenNames, daysAgo] of [
        ["Olle", 180],
        ["Nina", null],
        ["Rita", 5],
      ] as const) {
        const customer = await createPerson(ctx, { givenNames, surname: "Kundsson", ownerId: seller.id });
        if (givenNames === "Olle") forgottenId = customer.id;
        if (daysAgo !== null) {
          await logActivityOnRecord(ctx, {
            personId: customer.id,
            kind: "call",
            subject: "Samtal",
            occurredAt: new Date(now - daysAgo * DAY),
          });
        }
      }
      // Her companies: a sawmill whose buyer was last called 200 days ago, a joinery nobody has
      // contacted, and a furniture shop with a meeting booked next week.
      const sawmill = await createOrganization(ctx, { name: "Sågverket i Norr AB", ownerId: seller.id });
      const buyer = await createPerson(ctx, { givenNames: "Berit", surname: "Inköpare" });
      await addRole(ctx, { personId: buyer.id, organizationId: sawmill.id, title: "Inköpare" });
      await logActivityOnRecord(ctx, {
        personId: buyer.id,
        kind: "call",
        subject: "Om plankor",
        occurredAt: new Date(now - 200 * DAY),
      });
      await createOrganization(ctx, { name: "Snickeriet AB", ownerId: seller.id });
      const shop = await createOrganization(ctx, { name: "Möbelhuset AB", ownerId: seller.id });
      await logActivityOnRecord(ctx, {
        organizationId: shop.id,
        kind: "meeting",
        subject: "Visning av sortimentet",
        occurredAt: new Date(now + 7 * DAY),
      });
    });
    page = session.page;
    await page.goto("/login");
    await page.getByLabel("E-post").fill(SELLER.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(SELLER.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${session.baseUrl}/`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const table = () => page.getByRole("table", { name: "Mina uppgifter" });
  const rows = () => table().locator("tbody tr");

  it("lists the seller's open tasks, the overdue first, each naming its customer", async () => {
    await rows().filter({ hasText: "Ring om reklamationen" }).waitFor();
    // Nine open tasks of the seller's: the first eight, and a button for the rest.
    await expect(rows().allInnerTexts()).resolves.toHaveLength(8);
    const [first, second] = await rows().allInnerTexts();
    expect(first).toContain("Ring om reklamationen");
    expect(first).toContain("Stig Ek");
    expect(first).toContain("Försenad");
    expect(second).toContain("Skicka offert på ved");
    expect(second).toContain("Vedboden i Rimbo AB");
    expect(second).not.toContain("Försenad");
    await expect(page.getByText("1 försenad", { exact: true }).isVisible()).resolves.toBe(true);
    await session.snapshot("my-tasks");
    await page.getByRole("button", { name: "Visa alla 9" }).click();
    await rows().filter({ hasText: "Uppföljning 7" }).waitFor();
    await expect(rows().allInnerTexts()).resolves.toHaveLength(9);
  });

  it("opens the customer from the list", async () => {
    await rows().getByRole("link", { name: "Stig Ek" }).click();
    await page.getByRole("heading", { level: 1, name: "Stig Ek" }).waitFor();
    expect(page.url()).toBe(`${session.baseUrl}/people/${personId}`);
    await page.goBack();
    await table().waitFor();
  });

  it("closes a task from the list", async () => {
    const overdue = rows().filter({ hasText: "Ring om reklamationen" });
    await overdue.getByRole("button", { name: "Markera som klar" }).click();
    await overdue.waitFor({ state: "detached" });
    await expect(rows().allInnerTexts()).resolves.toHaveLength(8);
    await expect(page.getByRole("button", { name: /Visa alla/ }).count()).resolves.toBe(0);
    await expect(page.getByText(/försenad/i).count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it("names the customers nobody has called for three months, and those never called", async () => {
    await page.goto("/");
    const followUp = page.getByRole("table", { name: "Att höra av sig till" });
    await expect
      .poll(() => followUp.locator("tbody tr").allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Olle Kundsson\s+\d{4}-\d{2}-\d{2}$/),
        expect.stringMatching(/^Nina Kundsson\s+Aldrig$/),
      ]);
    await session.snapshot("follow-up");
    // The list holds the same customers, by the filter a seller can change.
    await page.getByRole("link", { name: "Visa alla i listan" }).click();
    await expect.poll(() => page.locator("td > a").allInnerTexts()).toEqual(["Olle Kundsson"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("lastContactAt");
    await page.goto("/");
    await page.getByRole("link", { name: "Aldrig kontaktade" }).click();
    await expect.poll(() => page.locator("td > a").allInnerTexts()).toEqual(["Nina Kundsson"]);
    // A call logged today takes him off.
    await page.goto(`/people/${forgottenId}`);
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    const dialog = page.getByRole("dialog", { name: "Logga aktivitet" });
    await dialog.getByLabel("Rubrik").fill("Ringde och stämde av");
    await dialog.getByRole("button", { name: "Logga", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.goto("/");
    await expect
      .poll(() => followUp.locator("tbody tr").allInnerTexts())
      .toEqual([expect.stringMatching(/^Nina Kundsson\s+Aldrig$/)]);
    expect(session.pageErrors).toEqual([]);
  });

  it("names the companies nobody has talked to, by anyone who works there, leaving out one with a meeting booked", async () => {
    await page.goto("/");
    const followUp = page.getByRole("table", { name: "Att höra av sig till" });
    await page.getByRole("radiogroup", { name: "Visa personer eller företag" }).getByText("Företag").click();
    await expect
      .poll(() => followUp.locator("tbody tr").allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Sågverket i Norr AB\s+\d{4}-\d{2}-\d{2}$/),
        expect.stringMatching(/^Snickeriet AB\s+Aldrig$/),
      ]);
    await session.snapshot("follow-up-companies");
    await page.getByRole("link", { name: "Visa alla i listan" }).click();
    await page.waitForURL(/\/organizations\?/);
    await expect.poll(() => page.locator("td > a").allInnerTexts()).toEqual(["Sågverket i Norr AB"]);
    await page.goto("/");
    await page.getByRole("radiogroup", { name: "Visa personer eller företag" }).getByText("Företag").click();
    await page.getByRole("link", { name: "Aldrig kontaktade" }).click();
    await expect.poll(() => page.locator("td > a").allInnerTexts()).toEqual(["Snickeriet AB"]);
    expect(session.pageErrors).toEqual([]);
  });
});
