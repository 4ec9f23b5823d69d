import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const ADMIN = { email: "maja@lanthandel.test", name: "Maja Ström", password: "ett-långt-lösenord-9" };
const SELLER = { email: "olle@lanthandel.test", name: "Olle Säljare", password: "ett-långt-lösenord-8" };
const RULE = "Säljbrev efter klagomål";
const CALL_CENTRE_ID = "K1";
const FOLLOW_UP = "Uppföljning av klagomål";
const MESSAGE_BODY = "Hej {{ person.greetingName }},\n\nvi ringer dig i veckan om det du har hört av dig om.";

/**
 * A marketer builds the sales-letter rule in the browser, on the real server and the built web
 * app: when a customer has called to complain more than three times, their owner gets a task to
 * send a letter. The calls then arrive as events, and the rule's log, the customer's page and the
 * list all say what was decided and why. The steps share the browser page.
 */
describe("the rule builder in the browser", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let sellerId = "";
  let stigId = "";
  let writeKey = "";
  let ruleUrl = "";
  let followUpId = "";

  /** Calls the API with the signed-in browser's session and CSRF token. */
  const call = <T>(method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } })
          .localStorage;
        const response = await fetch(path, {
          method,
          headers: {
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            "x-csrf-token": storage.getItem("lh_csrf") ?? "",
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      },
      { method, path, body },
    ) as Promise<{ status: number; body: T }>;
  /** A call centre's system sending a batch, with the write key as the HTTP Basic user name. */
  const sendBatch = (batch: unknown[]) =>
    fetch(`${baseUrl}/v1/batch`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ batch }),
    });

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      await createUser(ctx, { ...ADMIN, role: "admin" });
      sellerId = (await createUser(ctx, { ...SELLER, role: "sales" })).id;
    });
    ({ page, baseUrl } = session);
    await page.goto("/login");
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);

    const trait = await call("POST", "/api/computed-traits", {
      key: "complaint_calls_90d",
      label: "Klagomålssamtal",
      eventType: "track",
      eventName: "Support Call",
      filters: [{ property: "reason", op: "eq", value: "complaint" }],
      aggregate: "count",
      windowDays: 90,
    });
    expect(trait.status).toBe(201);
    const stig = await call<{ id: string }>("POST", "/api/people", {
      givenNames: "Karl Stig Emanuel",
      preferredNameMarking: "20",
      surname: "Berg",
      lifecycleStage: "customer",
      ownerId: sellerId,
      emails: [{ address: "stig.berg@example.se" }],
    });
    expect(stig.status).toBe(201);
    stigId = stig.body.id;
    const source = await call<{ writeKey: string }>("POST", "/api/sources", { name: "Kundtjänst", kind: "server" });
    writeKey = source.body.writeKey;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const snapshot = (name: string, fullPage = false) =>
    page.screenshot({ path: `/tmp/rules-${name}.png`, animations: "disabled", fullPage });
  const conditionRow = (number: number) => page.getByRole("group", { name: `Villkor ${number}`, exact: true });
  const nameInput = () => page.getByRole("textbox", { name: "Namn", exact: true });
  const tab = (name: string) => page.getByRole("tab", { name });
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const expectMessage = async (input: Locator, message: string) => {
    await expect.poll(() => describedBy(input)).toContain(message);
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  };
  /** Picks a field in a condition row by typing part of its name, as one finds it in a long list. */
  const pickField = async (row: Locator, typed: string, option: RegExp) => {
    await row.getByRole("combobox", { name: "Fält" }).click();
    await row.getByRole("combobox", { name: "Fält" }).fill(typed);
    await page.getByRole("option", { name: option }).click();
  };
  const pickOperator = async (row: Locator, label: string) => {
    await row.getByRole("combobox", { name: "Jämförelse" }).click();
    await page.getByRole("option", { name: label, exact: true }).click();
  };

  it("opens the rules module from the menu, with no rules yet", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Regler" }).click();
    await page.waitForURL(`${baseUrl}/rules`);
    await page.getByRole("heading", { level: 1, name: "Regler" }).waitFor();
    await page.getByText("Inga regler än.").waitFor();
  });

  it("builds the rule, with the condition as text and who matches now beside it", async () => {
    await page.getByRole("link", { name: "Ny regel" }).click();
    await page.waitForURL(`${baseUrl}/rules/new`);
    await page.getByRole("heading", { level: 1, name: "Ny regel" }).waitFor();
    await page.getByText("Fyll i villkoren för att se hur många som matchar.").waitFor();

    await page.getByRole("textbox", { name: "Händelsenamn" }).fill("Support Call");
    const calls = conditionRow(1);
    await pickField(calls, "klagom", /Klagomålssamtal/);
    await pickOperator(calls, "är större än");
    await calls.getByRole("textbox", { name: "Värde" }).fill("3");
    await expect.poll(() => page.getByTestId("condition-text").textContent()).toBe("complaint_calls_90d > 3");
    // Nobody has called yet, which the whole register is asked about once typing pauses.
    await page.getByText("Matchar nu: 0 personer").waitFor();

    await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await page.getByRole("menuitem", { name: "Skapa uppgift" }).click();
    const task = region("Skapa uppgift");
    await task.getByRole("textbox", { name: "Rubrik" }).fill("Skicka säljbrev till {greetingName}");
    await expect
      .poll(() => task.getByRole("combobox", { name: "Uppgiften till" }).inputValue())
      .toBe("Personens ägare");
    await page.getByRole("textbox", { name: "Högst en gång per" }).fill("30");
    await region("Om").scrollIntoViewIfNeeded();
    await snapshot("builder");
  });

  it("shows what is wrong at the inputs at fault: first the name, then a condition row", async () => {
    await page.getByRole("button", { name: "Skapa regel" }).click();
    await page.getByRole("alert").filter({ hasText: "Kontrollera de markerade fälten" }).waitFor();
    await expectMessage(nameInput(), "Fyll i fältet");
    // The form scrolls up to what is wrong; the picture waits for it to get there.
    await expect.poll(() => nameInput().isVisible()).toBe(true);
    await page.waitForTimeout(500);
    await snapshot("name-missing");

    await nameInput().fill(RULE);
    await page.getByRole("button", { name: "Lägg till villkor" }).click();
    const orders = conditionRow(2);
    await pickField(orders, "öppna", /Öppna ordrar/);
    await pickOperator(orders, "är mellan");
    await orders.getByRole("textbox", { name: "Värde, från" }).fill("5000");
    await orders.getByRole("textbox", { name: "Värde, till" }).fill("100");
    await expect
      .poll(() => page.getByTestId("condition-text").textContent())
      .toBe("complaint_calls_90d > 3 and open_sek between 5000 and 100");
    await page.getByRole("button", { name: "Skapa regel" }).click();
    await expectMessage(orders.getByRole("textbox", { name: "Värde, från" }), "Värdet passar inte fältet");
    await expect(describedBy(nameInput())).resolves.not.toContain("Fyll i fältet");
    await orders.scrollIntoViewIfNeeded();
    await snapshot("row-invalid");

    await orders.getByRole("button", { name: "Ta bort villkoret" }).click();
    await expect.poll(() => page.getByTestId("condition-text").textContent()).toBe("complaint_calls_90d > 3");
  });

  it("takes a date typed into a condition on a date field", async () => {
    await page.getByRole("button", { name: "Lägg till villkor" }).click();
    const born = conditionRow(2);
    await pickField(born, "födelse", /Födelsedatum/);
    await pickOperator(born, "är före");
    const value = born.getByRole("textbox", { name: "Värde" });
    await value.click();
    await value.pressSequentially("1990-01-01");
    await page.locator("[data-dates-dropdown]").getByText("januari 1990").waitFor();
    await expect
      .poll(() => page.getByTestId("condition-text").textContent())
      .toBe("complaint_calls_90d > 3 and birth_date before 1990-01-01");

    await born.getByRole("button", { name: "Ta bort villkoret" }).click();
    await expect.poll(() => page.getByTestId("condition-text").textContent()).toBe("complaint_calls_90d > 3");
  });

  it("takes a day and a 24-hour time typed into a condition on a time field", async () => {
    await page.getByRole("button", { name: "Lägg till villkor" }).click();
    const ordered = conditionRow(2);
    await pickField(ordered, "senaste order", /Senaste order/);
    await pickOperator(ordered, "är före");
    await ordered.getByRole("textbox", { name: "Värde", exact: true }).pressSequentially("2026-03-02");
    await ordered.getByRole("textbox", { name: "Värde, klockslag" }).pressSequentially("14:05");
    // 14:05 in Stockholm in winter is 13:05 UTC.
    await expect
      .poll(() => page.getByTestId("condition-text").textContent())
      .toBe("complaint_calls_90d > 3 and last_order_at before 2026-03-02T13:05:00Z");

    await ordered.getByRole("button", { name: "Ta bort villkoret" }).click();
    await expect.poll(() => page.getByTestId("condition-text").textContent()).toBe("complaint_calls_90d > 3");
  });

  it("creates the rule and opens it", async () => {
    await page.getByRole("button", { name: "Skapa regel" }).click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}$/);
    ruleUrl = page.url();
    await page.getByRole("heading", { level: 1, name: RULE }).waitFor();
    await page.getByRole("status").filter({ hasText: "Regeln är skapad." }).waitFor();
    await expect.poll(() => page.getByTestId("rule-version").textContent()).toBe("Version 1");
    await expect.poll(() => page.getByTestId("condition-text").textContent()).toBe("complaint_calls_90d > 3");
  });

  it("fires for the customer once the fourth complaint has come in, and says why in its log", async () => {
    const identify = { type: "identify", userId: CALL_CENTRE_ID, traits: { email: "stig.berg@example.se" } };
    expect((await sendBatch([identify])).status).toBe(200);
    const complaint = {
      type: "track",
      userId: CALL_CENTRE_ID,
      event: "Support Call",
      properties: { reason: "complaint" },
    };
    expect((await sendBatch([complaint, complaint, complaint, complaint])).status).toBe(200);
    const ruleId = ruleUrl.split("/").pop() ?? "";
    await expect
      .poll(
        async () => (await call<{ items: unknown[] }>("GET", `/api/rule-firings?ruleId=${ruleId}`)).body.items.length,
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThanOrEqual(1);

    await tab("Beslut").click();
    const firing = page.getByRole("table", { name: "Beslut" }).locator("tbody tr").first();
    await firing.getByRole("link", { name: "Stig Berg" }).waitFor();
    await firing.getByText("Utförd").waitFor();
    await firing.getByText("✓ complaint_calls_90d = 4, mer än 3").waitFor();
    await firing.getByText("Uppgift skapad åt Olle Säljare").waitFor();
    await snapshot("firings");

    // The customer now matches, and is named among those who do.
    await tab("Regel").click();
    await page.getByText("Matchar nu: 1 person").waitFor();
    await region("Som text").getByRole("link", { name: "Stig Berg" }).waitFor();
  });

  it("answers on the customer's page why they are getting the letter", async () => {
    await page.goto(`/people/${stigId}`);
    await page.getByRole("heading", { level: 1, name: "Stig Berg" }).waitFor();
    const decisions = region("Regelbeslut");
    await decisions.getByRole("link", { name: RULE }).waitFor();
    await decisions.getByText("✓ complaint_calls_90d = 4, mer än 3").waitFor();
    await decisions.getByText("Uppgift skapad åt Olle Säljare").waitFor();
    const letterTask = page
      .getByRole("list", { name: "Tidslinje" })
      .getByRole("listitem")
      .filter({ hasText: "Skicka säljbrev till Stig" })
      .first();
    await letterTask.getByText("✓ complaint_calls_90d = 4, mer än 3", { exact: false }).waitFor();
    await snapshot("person", true);
  });

  it("counts the firing in the list, and makes a new version when the rule is switched off", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Regler" }).click();
    await page.waitForURL(`${baseUrl}/rules`);
    const row = page.getByTestId("rule-row").filter({ hasText: RULE });
    await row.getByText("Händelse ”Support Call”").waitFor();
    await row.getByText("complaint_calls_90d > 3").waitFor();
    expect(Number(await row.getByTestId("rule-firings").textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await row.getByTestId("rule-evaluations").textContent())).toBeGreaterThanOrEqual(1);
    await expect.poll(() => row.getByTestId("rule-version").textContent()).toBe("1");

    const active = row.getByRole("switch", { name: `Aktiv: ${RULE}` });
    await expect.poll(() => active.isChecked()).toBe(true);
    await active.click({ force: true });
    await expect.poll(() => row.getByTestId("rule-version").textContent()).toBe("2");
    await expect.poll(() => active.isChecked()).toBe(false);
    await snapshot("list");

    await row.getByRole("link", { name: RULE }).click();
    await tab("Versioner").click();
    const versions = page.getByRole("table", { name: "Versioner" }).locator("tbody tr");
    await expect.poll(() => versions.count()).toBe(2);
    await versions.first().getByText("Inaktiverad").waitFor();
    await versions.last().getByText("Skapad").waitFor();
    await snapshot("versions");
    expect(session.pageErrors).toEqual([]);
  });

  it("builds a rule that sends a message and opens a case, and says where the message is not filled in right", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Regler" }).click();
    await page.waitForURL(`${baseUrl}/rules`);
    await page.getByRole("link", { name: "Ny regel" }).click();
    await page.waitForURL(`${baseUrl}/rules/new`);
    await nameInput().fill(FOLLOW_UP);
    await page.getByRole("textbox", { name: "Händelsenamn" }).fill("Support Call");
    const calls = conditionRow(1);
    await pickField(calls, "klagom", /Klagomålssamtal/);
    await pickOperator(calls, "är större än");
    await calls.getByRole("textbox", { name: "Värde" }).fill("3");

    await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await page.getByRole("menuitem", { name: "Skicka meddelande" }).click();
    const message = region("Skicka meddelande");
    await expect.poll(() => message.getByRole("combobox", { name: "Kanal" }).inputValue()).toBe("E-post");
    await message.getByRole("combobox", { name: "Syfte" }).click();
    await page.getByRole("option", { name: "Service", exact: true }).click();
    const body = message.getByRole("textbox", { name: "Meddelande", exact: true });
    await body.fill("Hej {{ person.greetingName }},\n\n{% if person.surname %}vi ringer dig i veckan.");

    await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await page.getByRole("menuitem", { name: "Öppna ärende" }).click();
    const opened = region("Öppna ärende");
    await opened.getByRole("textbox", { name: "Rubrik" }).fill("Ring {greetingName} {surname} om klagomålen");
    await opened.getByRole("textbox", { name: "Kategori" }).fill("Reklamation");
    const choose = async (label: string, option: string) => {
      await opened.getByRole("combobox", { name: label }).click();
      await page.getByRole("option", { name: option, exact: true }).click();
    };
    await choose("Prioritet", "Hög");
    await choose("Kanal", "Telefon");
    await choose("Linje", "Andra linjen");
    await choose("Handläggare", "Olle Säljare");

    // The subject is left empty and the body's {% if %} is never closed: the server names both.
    await page.getByRole("button", { name: "Skapa regel" }).click();
    await expectMessage(message.getByRole("textbox", { name: "Ämnesrad" }), "Fyll i fältet");
    await expectMessage(body, "Mallen går inte att tolka");

    await message.getByRole("textbox", { name: "Ämnesrad" }).fill("Hej {{ person.greetingName }}");
    await body.fill(MESSAGE_BODY);
  }, 60_000);

  it("saves the message and the case as they were filled in, and shows them again on the rule's page", async () => {
    await page.getByRole("button", { name: "Skapa regel" }).click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: FOLLOW_UP }).waitFor();
    followUpId = page.url().split("/").pop() ?? "";
    const saved = await call<{ actions: unknown[] }>("GET", `/api/rules/${followUpId}`);
    expect(saved.body.actions).toEqual([
      {
        type: "send_message",
        config: { channel: "email", purpose: "service", subject: "Hej {{ person.greetingName }}", body: MESSAGE_BODY },
      },
      {
        type: "open_case",
        // The server keeps a category as a key: lower case, words joined by _.
        config: {
          subject: "Ring {greetingName} {surname} om klagomålen",
          category: "reklamation",
          priority: "high",
          channel: "phone",
          line: 2,
          assigneeId: sellerId,
        },
      },
    ]);

    const message = region("Skicka meddelande");
    await expect.poll(() => message.getByRole("combobox", { name: "Syfte" }).inputValue()).toBe("Service");
    await expect
      .poll(() => message.getByRole("textbox", { name: "Meddelande", exact: true }).inputValue())
      .toBe(MESSAGE_BODY);
    const opened = region("Öppna ärende");
    await expect.poll(() => opened.getByRole("textbox", { name: "Kategori" }).inputValue()).toBe("reklamation");
    await expect.poll(() => opened.getByRole("combobox", { name: "Linje" }).inputValue()).toBe("Andra linjen");
    await expect.poll(() => opened.getByRole("combobox", { name: "Handläggare" }).inputValue()).toBe("Olle Säljare");
    // The actions are taller than the window; a taller one keeps the sticky header out of the picture.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1360, height: 2000 });
    await region("Då").screenshot({ path: "/tmp/rule-actions.png", animations: "disabled" });
    if (viewport) await page.setViewportSize(viewport);
  });

  it("sends the message and opens the case when the customer complains again, and says so in its log", async () => {
    const complaint = {
      type: "track",
      userId: CALL_CENTRE_ID,
      event: "Support Call",
      properties: { reason: "complaint" },
    };
    expect((await sendBatch([complaint])).status).toBe(200);
    await expect
      .poll(
        async () =>
          (await call<{ items: unknown[] }>("GET", `/api/rule-firings?ruleId=${followUpId}`)).body.items.length,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(1);
    await tab("Beslut").click();
    const firing = page.getByRole("table", { name: "Beslut" }).locator("tbody tr").first();
    await firing.getByText("Utförd").waitFor();
    await firing.getByText("Meddelande köat").waitFor();
    await firing.getByText(/^Ärende \d+ öppnat$/).waitFor();
    // The customer's timeline tells the case and the message in Swedish, like everything else.
    await page.goto(`/people/${stigId}`);
    const timeline = page.getByRole("list", { name: "Tidslinje" });
    const opened = timeline.getByRole("listitem").filter({ hasText: /Ärende \d+: Ring Stig Berg om klagomålen/ });
    await opened.getByText("reklamation · ny · hög · andra linjen").waitFor();
    await opened.getByText(/^Ärende · /).waitFor();
    const sent = timeline
      .getByRole("listitem")
      .filter({ has: page.getByText(/^Meddelande · /) })
      .first();
    await sent.getByText("köat", { exact: false }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
