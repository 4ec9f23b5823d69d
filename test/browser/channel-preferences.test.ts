import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { createPerson } from "../../src/modules/register";
import { type BrowserSession, openBrowserSession, signIn } from "./support";

const ADMIN = { email: "kanal@lanthandel.test", name: "Kaj Kanal", password: "ett-långt-lösenord-9" };

/**
 * A customer tells support they want texts about their deliveries on weekdays, and e-mail for
 * everything else: the person page keeps it, where the next colleague to reach out reads it.
 */
describe("channel preferences on the person page", () => {
  let session: BrowserSession;
  let page: Page;
  let personId = "";

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      personId = (await createPerson(ctx, { givenNames: "Kerstin", surname: "Kanalsson" })).id;
    });
    page = session.page;
    await signIn(session, ADMIN);
    await page.goto(`/people/${personId}`);
    await page.getByRole("heading", { level: 1, name: "Kerstin Kanalsson" }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const card = () => page.getByRole("region", { name: "Kanalval" });
  const form = () => card().getByRole("form", { name: "Kanalval" });
  const choose = async (label: string, option: string) => {
    await form().getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };

  it("keeps which channel the customer wants about what, and when", async () => {
    await expect.poll(() => card().textContent()).toContain("Inga kanalval");
    await card().getByRole("button", { name: "Lägg till kanalval" }).click();
    await choose("Om vad", "Order och leveranser");
    await choose("Kanal", "SMS");
    for (const day of ["mån", "tis", "ons", "tor", "fre"]) await form().getByText(day, { exact: true }).click();
    // Backwards hours are explained under the field, in Swedish, and nothing is kept.
    await form().getByLabel("Från").fill("17:00");
    await form().getByLabel("Till").fill("08:00");
    await form().getByRole("button", { name: "Spara" }).click();
    await form().getByText("Sluttiden måste vara efter starttiden").waitFor();
    // Written as Swedes write the time of day.
    await form().getByLabel("Från").fill("8.00");
    await form().getByLabel("Till").fill("1700");
    await form().getByRole("button", { name: "Spara" }).click();
    const orders = card().getByRole("group", { name: "Order och leveranser" });
    await expect
      .poll(async () => (await orders.innerText()).replace(/\n+/g, "\n"))
      .toMatch(/^Order och leveranser\nSMS · mån–fre 08:00–17:00\nfrån Lanthandel \d{4}-\d{2}-\d{2}$/);

    await card().getByRole("button", { name: "Lägg till kanalval" }).click();
    await form().getByRole("button", { name: "Spara" }).click();
    const rest = card().getByRole("group", { name: "Allt annat" });
    await expect.poll(() => rest.innerText()).toContain("E-post · när som helst");
    // The catch-all comes last.
    await expect
      .poll(() =>
        card()
          .getByRole("group")
          .evaluateAll((groups) => groups.map((group) => group.getAttribute("aria-label"))),
      )
      .toEqual(["Order och leveranser", "Allt annat"]);
    await session.snapshot("channel-preferences");

    const stored = await (await page.request.get(`/api/people/${personId}`)).json();
    expect(stored.channelPreferences).toEqual([
      expect.objectContaining({ topic: "*", channel: "email", window: null }),
      expect.objectContaining({
        topic: "orders",
        channel: "sms",
        window: { days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" },
      }),
    ]);
  });

  it("asks for the hours of the days chosen, and forgets a preference removed", async () => {
    await card().getByRole("button", { name: "Lägg till kanalval" }).click();
    await choose("Om vad", "Erbjudanden");
    await form().getByText("lör", { exact: true }).click();
    await form().getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => form().getByText("Ange både från och till, eller inga dagar").count()).toBe(2);
    await form().getByRole("button", { name: "Avbryt" }).click();

    await card().getByRole("button", { name: "Ta bort kanalvalet för Order och leveranser" }).click();
    await expect
      .poll(() =>
        card()
          .getByRole("group")
          .evaluateAll((groups) => groups.map((group) => group.getAttribute("aria-label"))),
      )
      .toEqual(["Allt annat"]);
    const stored = await (await page.request.get(`/api/people/${personId}`)).json();
    expect(stored.channelPreferences.map((preference: { topic: string }) => preference.topic)).toEqual(["*"]);
    expect(session.pageErrors).toEqual([]);
  });
});
