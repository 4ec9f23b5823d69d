import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createPerson } from "../../src/modules/register";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

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
  const expectMessage = async (input: Locator, message: string) => {
    await expect.poll(() => describedBy(input)).toContain(message);
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  };
  const logCallAt = async (subject: string, when: string) => {
    await page.getByRole("button", { name: "Logga aktivitet" }).click();
    await dialog().getByLabel("Rubrik").fill(subject);
    await dialog().getByLabel("När").fill(when);
    await dialog().getByRole("button", { name: "Logga", exact: true }).click();
  };

  it("says why a year before 1000 is refused, instead of asking to fill in a filled field", async () => {
    await logCallAt("Ringde för länge sedan", "0999-05-01T10:00");
    await expectMessage(dialog().getByLabel("När"), "Ange ett datum från år 1000 eller senare");
    await expect(describedBy(dialog().getByLabel("När"))).resolves.not.toContain("Fyll i fältet");
  });

  it("says that a time the clocks skip at the start of summer time does not exist", async () => {
    await dialog().getByLabel("När").fill("2026-03-29T02:30");
    await dialog().getByRole("button", { name: "Logga", exact: true }).click();
    await expectMessage(dialog().getByLabel("När"), "Klockslaget finns inte");
    await dialog().getByRole("button", { name: "Avbryt" }).click();
    await dialog().waitFor({ state: "detached" });
  });

  it("shows the chosen time back in the timeline, in winter and in summer", async () => {
    await logCallAt("Ringde om vårsådden", "2026-03-02T14:05");
    await timelineEntry("Ringde om vårsådden").getByText("2026-03-02 14:05").waitFor();
    await logCallAt("Ringde om midsommar", "2026-06-19T09:30");
    await timelineEntry("Ringde om midsommar").getByText("2026-06-19 09:30").waitFor();
    await session.snapshot("activity-times");
  });
});
