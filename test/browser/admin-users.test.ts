import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, createTeam, createUser } from "../../src/modules/access";
import { type BrowserSession, describedBy, openBrowserSession } from "./support";

const PASSWORD = "ett-långt-lösenord-7";
const ADMIN = { email: "signe@lanthandel.test", name: "Signe Holm", password: PASSWORD };

/**
 * An administrator looks after colleagues on the admin page: changes a seller's role, creates,
 * renames and deletes a team (handing what it holds to another team first), and deactivates a seller who leaves, handing their customers and
 * open task to a colleague in the same step; what she cannot do (deactivate herself) is not offered.
 */
describe("users and teams on the admin page", () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let adminKey = "";
  let karinId = "";
  let olofId = "";
  let teamId = "";
  const customerIds: string[] = [];

  const asAdmin = async (method: "GET" | "POST", url: string, payload?: object) => {
    const response = await session.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${adminKey}` },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const dialog = () => page.getByRole("dialog");
  const usersTable = () => page.getByRole("table", { name: "Användare" });
  const userRow = (name: string) => usersTable().getByRole("row").filter({ hasText: name });
  const teamsTable = () => page.getByRole("table", { name: "Team" });
  const teamRow = (name: string) => teamsTable().getByRole("row").filter({ hasText: name });
  const openTab = async (name: string) => {
    await page.getByRole("tab", { name, exact: true }).click();
  };

  beforeAll(async () => {
    session = await openBrowserSession(async (services) => {
      const ctx = services.systemCtx("test");
      const admin = await createUser(ctx, { ...ADMIN, role: "admin" });
      adminKey = (await createApiKey(ctx, { name: "test", userId: admin.id })).key;
      const team = await createTeam(ctx, { name: "Säljteam Syd" });
      teamId = team.id;
      karinId = (
        await createUser(ctx, {
          email: "karin@lanthandel.test",
          name: "Karin Sjö",
          password: PASSWORD,
          role: "sales",
          teamIds: [team.id],
        })
      ).id;
      olofId = (
        await createUser(ctx, { email: "olof@lanthandel.test", name: "Olof Berg", password: PASSWORD, role: "sales" })
      ).id;
    });
    ({ page, baseUrl } = session);
    for (const surname of ["Ek", "Al"]) {
      customerIds.push((await asAdmin("POST", "/api/people", { givenNames: "Kund", surname, ownerId: olofId })).id);
    }
    await asAdmin("POST", "/api/organizations", { name: "Bergs Bageri AB", ownerId: olofId });
    await asAdmin("POST", "/api/activities", {
      personId: customerIds[0],
      kind: "task",
      subject: "Ring om offerten",
      ownerId: olofId,
      dueAt: "2030-01-15T09:00:00Z",
    });
    await asAdmin("POST", "/api/cases", {
      personId: customerIds[1],
      subject: "Fel på leveransen",
      category: "delivery",
      priority: "normal",
      assigneeId: olofId,
    });
    await page.goto("/login");
    await page.getByLabel("E-post").fill(ADMIN.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto("/admin");
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it("lists users with their teams and status, and offers no deactivation of oneself", async () => {
    await userRow("Karin Sjö").getByRole("cell", { name: "Säljteam Syd", exact: true }).waitFor();
    await expect(userRow("Karin Sjö").getByText("Aktiv", { exact: true }).count()).resolves.toBe(1);
    await userRow(ADMIN.name)
      .getByRole("button", { name: `Åtgärder för ${ADMIN.name}` })
      .click();
    await page.getByRole("menuitem", { name: "Redigera" }).waitFor();
    await expect(page.getByRole("menuitem", { name: "Stäng av" }).count()).resolves.toBe(0);
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "hidden" });
  });

  it("changes a seller's role and says so", async () => {
    await userRow("Karin Sjö").getByRole("button", { name: "Åtgärder för Karin Sjö" }).click();
    await page.getByRole("menuitem", { name: "Redigera" }).click();
    await dialog().getByRole("combobox", { name: "Roll" }).click();
    await page.getByRole("option", { name: "Marknad" }).click();
    await dialog().getByRole("button", { name: "Spara" }).click();
    await page.getByRole("status").getByText("Ändringarna av Karin Sjö är sparade.").waitFor();
    await userRow("Karin Sjö").getByText("Marknad", { exact: true }).waitFor();
    const saved = await asAdmin("GET", `/api/users/${karinId}`);
    expect(saved.role).toBe("marketing");
  });

  it("refuses a password that is too short, under the field, and takes a good one", async () => {
    await userRow("Karin Sjö").getByRole("button", { name: "Åtgärder för Karin Sjö" }).click();
    await page.getByRole("menuitem", { name: "Redigera" }).click();
    const password = dialog().getByLabel("Nytt lösenord", { exact: true });
    await password.fill("kort");
    await dialog().getByRole("button", { name: "Nytt lösenord" }).click();
    await expect.poll(() => describedBy(password), { timeout: 10_000 }).toContain("minst 10 tecken");
    await password.fill("ett-nytt-långt-lösenord");
    await dialog().getByRole("button", { name: "Nytt lösenord" }).click();
    await dialog().getByText("Karin Sjö har fått ett nytt lösenord.").waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "hidden" });
    const login = await session.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "karin@lanthandel.test", password: "ett-nytt-långt-lösenord" },
    });
    expect(login.statusCode).toBe(200);
  });

  it("creates a team, refuses a name in use, and renames it", async () => {
    await openTab("Team");
    await page.getByRole("tabpanel", { name: "Team" }).getByLabel("Namn", { exact: true }).fill("Kundtjänst");
    await page.getByRole("button", { name: "Skapa team" }).click();
    await page.getByRole("status").getByText("Teamet Kundtjänst är skapat.").waitFor();
    await teamRow("Kundtjänst").getByText("Inga medlemmar än").waitFor();
    await teamRow("Säljteam Syd").getByText("Karin Sjö").waitFor();

    await teamRow("Kundtjänst").getByRole("button", { name: "Byt namn: Kundtjänst" }).click();
    const name = dialog().getByLabel("Namn", { exact: true });
    await name.fill("Säljteam Syd");
    await dialog().getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => describedBy(name), { timeout: 10_000 }).toContain("Används redan");
    await name.fill("Support");
    await dialog().getByRole("button", { name: "Spara" }).click();
    await page.getByRole("status").getByText("Teamet heter nu Support.").waitFor();
    await teamRow("Support").waitFor();
    await expect(teamsTable().getByText("Kundtjänst").count()).resolves.toBe(0);
    await session.snapshot("admin-teams", { fullPage: true });
  });

  it("deletes an empty team after asking, and says what a team that still owns customers holds", async () => {
    await asAdmin("POST", "/api/people", { givenNames: "Kund", surname: "Teamsson", ownerTeamId: teamId });
    await teamRow("Säljteam Syd").getByRole("button", { name: "Ta bort: Säljteam Syd" }).click();
    await dialog().getByRole("button", { name: "Ta bort team" }).click();
    await dialog()
      .getByTestId("team-holdings")
      .getByText("Teamet är ansvarigt för 1 person. Lämna över dem nedan först.")
      .waitFor();
    await session.snapshot("admin-delete-team-refused");
    await dialog().getByRole("button", { name: "Avbryt" }).click();
    await dialog().waitFor({ state: "hidden" });
    await teamRow("Säljteam Syd").waitFor();

    await teamRow("Support").getByRole("button", { name: "Ta bort: Support" }).click();
    await dialog().getByRole("button", { name: "Ta bort team" }).click();
    await page.getByRole("status").getByText("Teamet Support är borttaget.").waitFor();
    // The notice comes with the answer; the list is read again after it.
    await expect.poll(() => teamsTable().getByText("Support").count()).toBe(0);
    const teams = await asAdmin("GET", "/api/teams");
    expect(teams.items.map((team: { name: string }) => team.name)).toEqual(["Säljteam Syd"]);
  });

  it("hands a refused team's customers and open case to another team from the deletion, then deletes it", async () => {
    const fair = await asAdmin("POST", "/api/teams", { name: "Mässteam" });
    const visitor = await asAdmin("POST", "/api/people", { givenNames: "Mia", surname: "Mässa", ownerTeamId: fair.id });
    const question = await asAdmin("POST", "/api/cases", {
      personId: visitor.id,
      subject: "Fråga från mässan",
      category: "general",
      teamId: fair.id,
    });
    await page.reload();
    await openTab("Team");
    await teamRow("Mässteam").getByRole("button", { name: "Ta bort: Mässteam" }).click();
    await dialog().getByRole("button", { name: "Ta bort team" }).click();
    await dialog().getByTestId("team-holdings").waitFor();
    await dialog().getByRole("combobox", { name: "Lämna över till" }).click();
    // The team itself is not offered.
    await expect(page.getByRole("option", { name: "team Mässteam" }).count()).resolves.toBe(0);
    await page.getByRole("option", { name: "team Säljteam Syd" }).click();
    await session.snapshot("admin-team-hand-over");
    await dialog().getByRole("button", { name: "Lämna över", exact: true }).click();
    await dialog()
      .getByTestId("team-handed-over")
      .getByText("1 person och 1 öppet ärende har lämnats över till team Säljteam Syd.")
      .waitFor();
    await expect(dialog().getByTestId("team-holdings").count()).resolves.toBe(0);
    await dialog().getByRole("button", { name: "Ta bort team" }).click();
    await page.getByRole("status").getByText("Teamet Mässteam är borttaget.").waitFor();
    // The notice comes with the answer; the list is read again after it.
    await expect.poll(() => teamsTable().getByText("Mässteam").count()).toBe(0);
    expect((await asAdmin("GET", `/api/people/${visitor.id}`)).ownerTeamId).toBe(teamId);
    expect((await asAdmin("GET", `/api/cases/${question.id}`)).teamId).toBe(teamId);
  });

  it("deactivates a seller who leaves, handing their customers, open task and case to a colleague", async () => {
    await openTab("Användare");
    await userRow("Olof Berg").getByRole("button", { name: "Åtgärder för Olof Berg" }).click();
    await page.getByRole("menuitem", { name: "Stäng av" }).click();
    await dialog()
      .getByTestId("user-holdings")
      .getByText(
        "Olof Berg är ansvarig för 2 personer, 1 organisation, 1 öppen uppgift och 1 öppet ärende. Välj vem som tar över dem.",
      )
      .waitFor();
    const confirm = dialog().getByRole("button", { name: "Lämna över och stäng av" });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog().getByRole("combobox", { name: "Lämna över till" }).click();
    // Neither the leaving user nor anyone deactivated is offered.
    await expect(page.getByRole("option", { name: "Olof Berg" }).count()).resolves.toBe(0);
    await page.getByRole("option", { name: "Karin Sjö" }).click();
    await session.snapshot("admin-hand-over");
    await confirm.click();
    await page
      .getByRole("status")
      .getByText(
        "2 personer, 1 organisation, 1 öppen uppgift och 1 öppet ärende har lämnats över till Karin Sjö. Olof Berg är avstängd.",
      )
      .waitFor();
    await userRow("Olof Berg").getByText("Avstängd", { exact: true }).waitFor();

    for (const id of customerIds) {
      expect((await asAdmin("GET", `/api/people/${id}`)).ownerId).toBe(karinId);
    }
    const tasks = await asAdmin("GET", `/api/tasks?ownerId=${karinId}`);
    expect(tasks.items.map((task: { subject: string }) => task.subject)).toEqual(["Ring om offerten"]);
    // The customer's page names the new owner.
    await page.goto(`/people/${customerIds[0]}`);
    await page.getByTestId("record-header").getByText("Karin Sjö").waitFor();
    await page.goto("/admin");
  });

  it("reactivates a user after asking", async () => {
    await userRow("Olof Berg").getByRole("button", { name: "Åtgärder för Olof Berg" }).click();
    await page.getByRole("menuitem", { name: "Aktivera igen" }).click();
    await dialog().getByRole("button", { name: "Aktivera igen" }).click();
    await page.getByRole("status").getByText("Olof Berg är aktiv igen.").waitFor();
    await userRow("Olof Berg").getByText("Aktiv", { exact: true }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it("names users and teams on a rule's page for a marketer, who may not list users", async () => {
    const rule = await asAdmin("POST", "/api/rules", {
      name: "Nya leads till säljarna",
      trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
      condition: { field: "person.lifecycle_stage", op: "eq", value: "lead" },
      actions: [
        { type: "assign_owner", config: { userId: olofId } },
        { type: "assign_owner", config: { teamId, strategy: "round_robin" } },
      ],
    });
    // Karin, a marketer since the first test, signs in with the password set above.
    const context = await session.browser.newContext({ baseURL: baseUrl, locale: "sv-SE" });
    const marketer = await context.newPage();
    marketer.setDefaultTimeout(10_000);
    await marketer.goto("/login");
    await marketer.getByLabel("E-post").fill("karin@lanthandel.test");
    await marketer.getByLabel("Lösenord", { exact: true }).fill("ett-nytt-långt-lösenord");
    await marketer.getByRole("button", { name: "Logga in" }).click();
    await marketer.waitForURL(`${baseUrl}/`);
    await marketer.goto(`/rules/${rule.id}`);
    await expect
      .poll(() => marketer.getByRole("combobox", { name: "Användare" }).inputValue(), { timeout: 10_000 })
      .toBe("Olof Berg");
    await expect
      .poll(() => marketer.getByRole("combobox", { name: "Team", exact: true }).inputValue())
      .toBe("Säljteam Syd");
    await expect(marketer.getByText(olofId).count()).resolves.toBe(0);
    await marketer.getByRole("tab", { name: "Versioner" }).click();
    await marketer.getByRole("table", { name: "Versioner" }).getByRole("cell", { name: ADMIN.name }).waitFor();
    await marketer.screenshot({ path: "/tmp/lanthandel-rule-names.png", fullPage: true });
    await context.close();
  });
});
