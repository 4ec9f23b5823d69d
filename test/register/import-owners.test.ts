import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A company moving its customers in from a spreadsheet names each customer's seller and team
 * ("Säljare", "Team"): the import gives the customers to them, says on the row when a name is no
 * one who can take customers, and the export names them the same way, so a list handed out to
 * the sellers comes back with the changes they made.
 */
describe.each(STORE_KINDS)("the seller and team of an imported customer [%s]", (kind) => {
  let api: TestApi;
  let anna: string;
  let bo: string;
  let syd: string;

  const importCsv = (entity: string, csv: string, query = "system=kalkylblad", key?: string) =>
    api.importCsv(entity, csv, query, key);
  const exportRows = async (entity: string, query = ""): Promise<Array<Record<string, string>>> => {
    const response = await api.app.inject({
      url: `/api/${entity}/export.csv${query}`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(response.statusCode).toBe(200);
    return parse(response.body, { columns: true, bom: true });
  };
  const user = async (name: string, email: string) =>
    (
      await api.call({
        method: "POST",
        url: "/api/users",
        payload: { email, name, password: "test password 123", role: "sales" },
      })
    ).body.id as string;

  beforeAll(async () => {
    api = await openTestApi(kind);
    anna = await user("Anna Berg", "anna.berg@example.se");
    bo = await user("Bo Ek", "bo.ek@example.se");
    const gone = await user("Gustav Lind", "gustav@example.se");
    await user("Eva Holm", "eva.holm@example.se");
    await user("Eva Holm", "eva.holm2@example.se");
    expect((await api.call({ method: "PATCH", url: `/api/users/${gone}`, payload: { active: false } })).status).toBe(
      200,
    );
    syd = (await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Syd" } })).body.id;
  });
  afterAll(async () => api?.close());

  it("gives each imported customer to the seller and team the file names, by name or e-mail", async () => {
    const file = [
      "Kundnummer;Förnamn;Efternamn;Säljare;Team",
      "S1;Karin;Sjö;Anna Berg;Sälj Syd",
      "S2;Olle;Strand;BO.EK@example.se;",
      "S3;Lisa;Dal;  anna   berg ;sälj syd",
      "S4;Nils;Backe;;",
    ].join("\n");
    const result = await importCsv("people", file);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 4, failed: 0, unmappedColumns: [] });
    const people = (await api.call({ url: "/api/people?limit=50&sort=name" })).body.items as Array<{
      surname: string;
      ownerId: string | null;
      ownerTeamId: string | null;
    }>;
    const of = (surname: string) => people.find((person) => person.surname === surname);
    expect(of("Sjö")).toMatchObject({ ownerId: anna, ownerTeamId: syd });
    expect(of("Strand")).toMatchObject({ ownerId: bo, ownerTeamId: null });
    expect(of("Dal")).toMatchObject({ ownerId: anna, ownerTeamId: syd });
    expect(of("Backe")).toMatchObject({ ownerId: null, ownerTeamId: null });
    // The seller finds them in their own list.
    const mine = await api.call({ url: `/api/people?ownerId=${anna}&limit=50` });
    expect(mine.body.items.map((person: { surname: string }) => person.surname).sort()).toEqual(["Dal", "Sjö"]);
  });

  it("reports a seller or team that cannot take customers on the row, and writes nothing of that row", async () => {
    const file = [
      "Kundnummer;Förnamn;Efternamn;Ansvarig;Säljteam",
      "T1;Rut;Ås;Okänd Person;",
      "T2;Sten;Ås;Gustav Lind;",
      "T3;Ebba;Ås;Eva Holm;",
      "T4;Ture;Ås;;Sälj Nord",
      "T5;Maj;Ås;Bo Ek;",
    ].join("\n");
    const trial = await importCsv("people", file, "system=kalkylblad&dryRun=true");
    expect(trial.body).toMatchObject({ dryRun: true, created: 1, failed: 4 });
    const result = await importCsv("people", file);
    expect(result.body).toMatchObject({ created: 1, failed: 4 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ row: 1, field: "owner", code: "unknown_user" }),
      expect.objectContaining({ row: 2, field: "owner", code: "inactive_user" }),
      expect.objectContaining({ row: 3, field: "owner", code: "ambiguous_user" }),
      expect.objectContaining({ row: 4, field: "ownerTeam", code: "unknown_team" }),
    ]);
    const found = (await api.call({ url: "/api/people?q=Ås&limit=50" })).body.items;
    expect(found.map((person: { givenNames: string }) => person.givenNames)).toEqual(["Maj"]);
    expect(found[0].ownerId).toBe(bo);
  });

  it("moves a known customer to the seller a later file names, and leaves them where no seller is named", async () => {
    const moved = await importCsv(
      "people",
      "Kundnummer;Förnamn;Efternamn;Säljare\nS1;Karin;Sjö;Bo Ek\nS2;Olle;Strand;",
    );
    expect(moved.body).toMatchObject({ updated: 1, unchanged: 1, failed: 0 });
    const karin = (await api.call({ url: "/api/people?q=Sjö&limit=5" })).body.items[0];
    expect(karin).toMatchObject({ ownerId: bo, ownerTeamId: syd });
    const olle = (await api.call({ url: "/api/people?q=Strand&limit=5" })).body.items[0];
    expect(olle.ownerId).toBe(bo);
    const detail = (await api.call({ url: `/api/people/${karin.id}` })).body;
    expect(detail.lineage.ownerId).toMatchObject({ system: "kalkylblad", externalId: "S1" });
  });

  it("names seller, team and last contact in the export, and that file imports back unchanged", async () => {
    (api.services.clock as ManualClock).set(new Date("2026-11-24T12:00:00Z"));
    const lisa = (await api.call({ url: "/api/people?q=Dal&limit=5" })).body.items[0];
    const call = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: {
        personId: lisa.id,
        kind: "call",
        subject: "Ringde om offerten",
        occurredAt: "2026-03-02T13:05:00+01:00",
      },
    });
    expect(call.status).toBe(201);
    const meeting = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: lisa.id, kind: "meeting", subject: "Visning", occurredAt: "2026-12-03T09:00:00Z" },
    });
    expect(meeting.status).toBe(201);
    const rows = await exportRows("people");
    expect(rows.find((row) => row.surname === "Dal")).toMatchObject({
      owner: "Anna Berg",
      ownerTeam: "Sälj Syd",
      lastContactAt: "2026-03-02 13:05",
      nextContactAt: "2026-12-03 10:00",
    });
    expect(rows.find((row) => row.surname === "Backe")).toMatchObject({ owner: "", ownerTeam: "", lastContactAt: "" });

    const header = Object.keys(rows[0] ?? {});
    const csv = [header.join(","), ...rows.map((row) => header.map((column) => row[column]).join(","))].join("\n");
    const again = await importCsv("people", csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(again.body.unmappedColumns).toEqual(["greetingName", "lastContactAt", "nextContactAt"]);

    // A seller's list handed back with a customer given to a colleague.
    const dal = rows.find((row) => row.surname === "Dal") as Record<string, string>;
    const edited = [header.join(","), header.map((column) => (column === "owner" ? "Bo Ek" : dal[column])).join(",")];
    expect((await importCsv("people", edited.join("\n"))).body).toMatchObject({ updated: 1, failed: 0 });
    expect((await api.call({ url: `/api/people/${lisa.id}` })).body.ownerId).toBe(bo);
  });

  it("gives imported organisations to a seller and team, and exports them by name", async () => {
    const file = ["Företag;Org.nr;Kundansvarig;Team", "Bageri Hansson HB;969663-7033;anna.berg@example.se;Sälj Syd"];
    const result = await importCsv("organizations", file.join("\n"));
    expect(result.body).toMatchObject({ created: 1, failed: 0 });
    const bad = await importCsv("organizations", "Företag;Kundansvarig\nFel AB;Okänd Person");
    expect(bad.body).toMatchObject({ created: 0, failed: 1 });
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 1, field: "owner", code: "unknown_user" })]);
    const rows = await exportRows("organizations");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Bageri Hansson HB", owner: "Anna Berg", ownerTeam: "Sälj Syd" });
    const moved = await importCsv(
      "organizations",
      `lanthandelId;name;owner\n${rows[0]?.lanthandelId};Bageri Hansson HB;Bo Ek`,
    );
    expect(moved.body).toMatchObject({ updated: 1, failed: 0 });
    const detail = (await api.call({ url: `/api/organizations/${rows[0]?.lanthandelId}` })).body;
    expect(detail).toMatchObject({ ownerId: bo, ownerTeamId: syd });
  });

  it("gives imported tasks to the seller the file names, not to whoever imported them", async () => {
    const file = [
      "Kundnummer;Typ;Rubrik;Förfallodatum;Ansvarig",
      "S1;Uppgift;Skicka offert;2026-12-10;Bo Ek",
      "S2;Uppgift;Ring om leveransen;2026-12-11;",
      "S1;Uppgift;Boka möte;2026-12-12;Gustav Lind",
    ].join("\n");
    const result = await importCsv("activities", file);
    expect(result.body).toMatchObject({ created: 2, failed: 1 });
    expect(result.body.errors).toEqual([expect.objectContaining({ row: 3, field: "owner", code: "inactive_user" })]);
    expect(result.body.columns.owner).toBe("Ansvarig");
    const tasks = async (ownerId: string) =>
      (await api.call({ url: `/api/tasks?ownerId=${ownerId}` })).body.items.map(
        (task: { subject: string }) => task.subject,
      );
    expect(await tasks(bo)).toEqual(["Skicka offert"]);
    // Without a name the task is the importer's, as one logged in the app is the logger's.
    const admin = (await api.call({ url: "/api/me" })).body.id as string;
    expect(await tasks(admin)).toEqual(["Ring om leveransen"]);
  });
});
