import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createPerson } from "../../src/modules/register";
import { BROWSER_TIME_ZONE, type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "tid@lanthandel.test", name: "Tora Tid", password: "ett-långt-lösenord-9" };

/**
 * Logging an activity at a chosen time in Sweden: the timeline shows the time the user chose,
 * and a time the API cannot take is explained under the field, in Swedish.
 */
describe("activity times in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let personId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      personId = (await createPerson(ctx, { givenNames: "Tekla", surname: "Tidström" })).id;
    });
    page = session.page;
    await page.goto("/login");
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${session.baseUrl}/`);
    await page.goto(`/people/${personId}`);
    await page.getByRole("heading", { level: 1, name: "Tekla Tidström" }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const dialog = () => page.getByRole("dialog", { name: "Logga aktivitet" });
  const timelineEntry = (title: string) =>
    page.getByRole("list", { name: "Tidslinje" }).getByRole("listitem").filter({ hasText: title });
  /** The "När" field is a day and a time of day, each typed in its own input. */
  const day = (scope = dialog()) => scope.getByRole("textbox", { name: "När", exact: true });
  const time = (scope = dialog()) => scope.getByRole("textbox", { name: "När, klockslag" });
  const typeInto = async (input: Locator, text: string) => {
    await input.click();
    await input.fill("");
    await input.pressSequentially(text);
  };
  const expectMessage = async (message: string) => {
    for (const input of [day(), time()]) {
      await expect.poll(() => describedBy(input)).toContain(message);
      await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
    }
  };
  const logCallAt = async (subject: string, when: { day: string; time: string }) => {
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    await dialog().getByLabel("Rubrik").fill(subject);
    await typeInto(day(), when.day);
    await typeInto(time(), when.time);
    await dialog().getByRole("button", { name: "Logga", exact: true }).click();
  };

  it("says why a year before 1000 is refused, instead of asking to fill in a filled field", async () => {
    await logCallAt("Ringde för länge sedan", { day: "0999-05-01", time: "10:00" });
    await expectMessage("Ange ett datum från år 1000 eller senare");
    await expect(describedBy(day())).resolves.not.toContain("Fyll i fältet");
  });

  it("says that a time the clocks skip at the start of summer time does not exist", async () => {
    await typeInto(day(), "2026-03-29");
    await typeInto(time(), "02:30");
    await dialog().getByRole("button", { name: "Logga", exact: true }).click();
    await expectMessage("Klockslaget finns inte");
  });

  it("asks for the time when only the day is given, instead of logging the call as now", async () => {
    await time().fill("");
    await dialog().getByRole("button", { name: "Logga", exact: true }).click();
    await expectMessage("Ange också klockslaget, TT:MM");
    await dialog().getByRole("button", { name: "Avbryt" }).click();
    await dialog().waitFor({ state: "detached" });
    await expect(timelineEntry("Ringde för länge sedan").count()).resolves.toBe(0);
  });

  it("shows the chosen time back in the timeline, in winter and in summer", async () => {
    const lastContact = () =>
      page.locator("dt", { hasText: "Senaste kontakt" }).locator("xpath=following-sibling::dd[1]");
    await expect.poll(() => lastContact().innerText()).toBe("Ingen ännu");
    await logCallAt("Ringde om vårsådden", { day: "2026-03-02", time: "14:05" });
    await timelineEntry("Ringde om vårsådden").getByText("2026-03-02 14:05").waitFor();
    await logCallAt("Ringde om midsommar", { day: "2026-06-19", time: "09:30" });
    await timelineEntry("Ringde om midsommar").getByText("2026-06-19 09:30").waitFor();
    await session.snapshot("activity-times");
    // The latest call is the person's last contact, on the page and in the list ordered by it.
    await expect.poll(() => lastContact().innerText()).toBe("2026-06-19");
    await page.goto("/people?sort=-lastContactAt");
    const row = page.getByRole("row").filter({ hasText: "Tekla Tidström" });
    await expect.poll(() => row.innerText()).toContain("2026-06-19");
    await expect.poll(() => page.getByRole("columnheader", { name: /Senaste kontakt/ }).count()).toBe(1);
    await page.goto(`/people/${personId}`);
  });

  it("takes the time in 24-hour form in a browser whose own language is English", async () => {
    const context = await session.browser.newContext({
      baseURL: session.baseUrl,
      locale: "en-US",
      timezoneId: BROWSER_TIME_ZONE,
      storageState: await page.context().storageState(),
    });
    try {
      const english = await context.newPage();
      await english.goto(`/people/${personId}`);
      await expect(english.evaluate(() => navigator.language)).resolves.toBe("en-US");
      await english.getByRole("button", { name: "Logga aktivitet" }).click();
      const modal = english.getByRole("dialog", { name: "Logga aktivitet" });
      // A browser's own date-time input would write mm/dd/yyyy and AM/PM here.
      await expect(modal.locator("input[type=datetime-local], input[type=time]").count()).resolves.toBe(0);
      await expect(day(modal).getAttribute("placeholder")).resolves.toBe("ÅÅÅÅ-MM-DD");
      await expect(time(modal).getAttribute("placeholder")).resolves.toBe("TT:MM");
      await modal.getByLabel("Rubrik").fill("Ringde på eftermiddagen");
      await typeInto(day(modal), "2026-06-22");
      await typeInto(time(modal), "1405");
      await modal.getByLabel("Rubrik").click();
      await expect.poll(() => time(modal).inputValue()).toBe("14:05");
      await expect(modal.textContent()).resolves.not.toMatch(/\b[AP]M\b/);
      await modal.getByRole("button", { name: "Logga", exact: true }).click();
      await english
        .getByRole("list", { name: "Tidslinje" })
        .getByRole("listitem")
        .filter({ hasText: "Ringde på eftermiddagen" })
        .getByText("2026-06-22 14:05")
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
