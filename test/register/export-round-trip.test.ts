import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A list exported, edited in a spreadsheet and imported back: the file carries the register's own
 * ids (`lanthandelId`), so the rows land on the same people and organisations, an unchanged file
 * changes nothing, and an edit is an ordinary, audited change with its source.
 */
describe.each(STORE_KINDS)("export, edit, import back [%s]", (kind) => {
  let api: TestApi;
  type TRow = Record<string, string>;

  const importCsv = (entity: string, csv: string, query: string, key?: string) =>
    api.importCsv(entity, csv, query, key);
  const exportCsv = async (entity: string): Promise<{ columns: string[]; rows: TRow[] }> => {
    const response = await api.app.inject({
      url: `/api/${entity}/export.csv`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(response.statusCode).toBe(200);
    const rows: TRow[] = parse(response.body, { columns: true, bom: true });
    const columns = Object.keys(rows[0] ?? {});
    return { columns, rows };
  };
  const toCsv = (columns: string[], rows: TRow[]) => stringify(rows, { header: true, columns, bom: true });
  const person = async (id: string) => (await api.call({ url: `/api/people/${id}` })).body;

  beforeAll(async () => {
    api = await openTestApi(kind);
    const attributes = [
      { entity: "person", key: "tier", label: "Nivå", type: "choice", choices: ["silver", "guld"] },
      { entity: "person", key: "since", label: "Kund sedan", type: "date" },
      { entity: "person", key: "vip", label: "VIP", type: "boolean" },
      { entity: "person", key: "credit", label: "Kredit", type: "kronor" },
      { entity: "person", key: "visits", label: "Besök", type: "number" },
      { entity: "organization", key: "segment", label: "Segment", type: "text" },
    ];
    for (const payload of attributes) {
      expect((await api.call({ method: "POST", url: "/api/custom-attributes", payload })).status).toBe(201);
    }
    const people = [
      "Kundnummer;Förnamn;Efternamn;Tilltalsnamnsmarkering;Personnummer;E-post;Mobil;c/o;Gatuadress;Lgh;Postnummer;Ort;custom.tier;custom.since;custom.vip;custom.credit;custom.visits",
      "K1;Karl Stig Emanuel;Berg;20;19121212-1212;stig@example.se;0701234567;;Storgatan 1;1102;11122;Stockholm;guld;2020-02-29;ja;1 234,50;3",
      "K2;Anna-Karin;Lund;12;;anna@example.se;;Per Lund;Kyrkvägen 2;;75236;Uppsala;silver;;nej;;0,5",
      "K3;Per Olof;Ek;;;;;;;;;;;;;;",
    ].join("\n");
    const imported = await importCsv("people", people, "system=webshop");
    expect(imported.body).toMatchObject({ created: 3, failed: 0 });
    // Someone with only a postal address, entered by hand.
    const postal = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Greta",
        surname: "Box",
        address: { kind: "postal", box: "123", postalCode: "11122", city: "Stockholm" },
      },
    });
    expect(postal.status).toBe(201);
    const org = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: {
        name: "Bageri Hansson HB",
        organisationsnummer: "969663-7033",
        website: "https://bageri.example.se",
        revenueSek: 4_500_000,
        custom: { segment: "Livsmedel" },
        address: { street: "Bagargatan 3", postalCode: "41301", city: "Göteborg" },
      },
    });
    expect(org.status).toBe(201);
    expect(
      (await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Utan Nummer AB" } })).status,
    ).toBe(201);
  });
  afterAll(async () => api?.close());

  it("exports people with the import's own columns, and the unchanged file changes nothing", async () => {
    const { columns, rows } = await exportCsv("people");
    expect(rows).toHaveLength(4);
    const stig = rows.find((row) => row.surname === "Berg");
    expect(stig).toMatchObject({
      givenNames: "Karl Stig Emanuel",
      preferredGivenName: "Stig",
      greetingName: "Stig",
      personnummer: "191212121212",
      birthDate: "1912-12-12",
      phone: "+46701234567",
      addressKind: "home",
      street: "Storgatan 1",
      apartment: "1102",
      postalCode: "111 22",
      city: "Stockholm",
      country: "SE",
      "custom.tier": "guld",
      "custom.since": "2020-02-29",
      "custom.vip": "true",
      "custom.credit": "1234.5",
      "custom.visits": "3",
    });
    // No name is marked for Per Olof: the greeting is a guess, and the file does not make it a fact.
    expect(rows.find((row) => row.surname === "Ek")).toMatchObject({ preferredGivenName: "", greetingName: "Per" });
    expect(rows.find((row) => row.surname === "Box")).toMatchObject({ addressKind: "postal", box: "123" });

    const again = await importCsv("people", toCsv(columns, rows), "system=kalkylblad");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rowsRead: 4, created: 0, updated: 0, unchanged: 4, failed: 0 });
    expect(again.body.unmappedColumns).toEqual(["greetingName", "lastContactAt", "nextContactAt"]);
    expect((await api.call({ url: "/api/people?limit=50" })).body.items).toHaveLength(4);
    const after = await person(stig?.lanthandelId ?? "");
    expect(after.greetingName).toBe("Stig");
    expect(after.lineage.surname).toMatchObject({ system: "webshop", externalId: "K1" });
  });

  it("exports for Swedish Excel (semicolons, decimal commas) and that file imports back unchanged", async () => {
    const response = await api.app.inject({
      url: "/api/people/export.csv?separator=semicolon",
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^lanthandelId;givenNames;preferredGivenName;greetingName;surname;personnummer;/);
    const rows: TRow[] = parse(response.body, { columns: true, bom: true, delimiter: ";" });
    // As Swedish Excel writes them: a decimal comma, and the personnummer as text, not 1,91212E+11.
    expect(rows.find((row) => row.surname === "Berg")).toMatchObject({
      personnummer: "19121212-1212",
      "custom.credit": "1234,5",
      "custom.visits": "3",
    });
    expect(rows.find((row) => row.surname === "Lund")).toMatchObject({ "custom.visits": "0,5" });

    // The trial run says so before anything is written, as the real run then does.
    const trial = await importCsv("people", response.body, "system=kalkylblad&dryRun=true");
    expect(trial.body).toMatchObject({ dryRun: true, rowsRead: 4, created: 0, updated: 0, unchanged: 4, failed: 0 });
    const again = await importCsv("people", response.body, "system=kalkylblad");
    expect(again.body).toMatchObject({ rowsRead: 4, created: 0, updated: 0, unchanged: 4, failed: 0 });

    const organizations = await api.app.inject({
      url: "/api/organizations/export.csv?separator=semicolon",
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(organizations.body).toContain(";969663-7033;");
    const back = await importCsv("organizations", organizations.body, "system=kalkylblad");
    expect(back.body).toMatchObject({ rowsRead: 2, created: 0, updated: 0, unchanged: 2, failed: 0 });

    const unknown = await api.call({ url: "/api/people/export.csv?separator=tab" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "querystring.separator" })]);
  });

  it("imports an edited export onto the same people: a new name, a move, a changed attribute", async () => {
    const { columns, rows } = await exportCsv("people");
    const per = rows.find((row) => row.surname === "Ek") as TRow;
    const anna = rows.find((row) => row.surname === "Lund") as TRow;
    per.surname = "Eklund";
    per.preferredGivenName = "Olof";
    anna.street = "Torget 5";
    anna.careOf = "";
    anna["custom.tier"] = "guld";
    const edited = await importCsv("people", toCsv(columns, rows), "system=kalkylblad");
    expect(edited.body).toMatchObject({ created: 0, updated: 2, unchanged: 2, failed: 0 });

    const eklund = await person(per.lanthandelId as string);
    expect(eklund).toMatchObject({ surname: "Eklund", greetingName: "Olof", greetingUncertain: false });
    // The value says where it came from: the spreadsheet, row of this person.
    expect(eklund.lineage.surname).toMatchObject({ system: "kalkylblad", externalId: per.lanthandelId });
    expect((await api.call({ url: "/api/people?q=Eklund" })).body.items[0].id).toBe(per.lanthandelId);

    const lund = await person(anna.lanthandelId as string);
    expect(lund.custom.tier).toBe("guld");
    const homes = lund.addresses.filter((address: { kind: string }) => address.kind === "home");
    expect(homes).toHaveLength(2);
    expect(homes.find((address: { validTo: string | null }) => address.validTo === null)).toMatchObject({
      street: "Torget 5",
      careOf: null,
    });
    expect(homes.find((address: { validTo: string | null }) => address.validTo !== null)).toMatchObject({
      street: "Kyrkvägen 2",
      careOf: "Per Lund",
    });
  });

  it("reports rows whose id the register does not know, instead of creating people", async () => {
    const { columns, rows } = await exportCsv("people");
    const victim = rows.find((row) => row.surname === "Box") as TRow;
    const unknown = { ...victim, lanthandelId: "01900000-0000-7000-8000-000000000000" };
    const malformed = { ...victim, lanthandelId: "K1" };
    const result = await importCsv("people", toCsv(columns, [unknown, malformed]), "system=kalkylblad");
    expect(result.body).toMatchObject({ created: 0, updated: 0, failed: 2 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: "personId", code: "invalid_id" }),
      expect.objectContaining({ row: 1, field: "personId", code: "unknown_person" }),
    ]);
    expect((await api.call({ url: "/api/people?limit=50" })).body.items).toHaveLength(4);
  });

  it("lands a row of a merged-away person on the survivor, and refuses one of an erased person", async () => {
    const { columns, rows } = await exportCsv("people");
    const dup = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Greta", surname: "Boxén" },
    });
    const greta = rows.find((row) => row.surname === "Box") as TRow;
    const merged = await api.call({
      method: "POST",
      url: `/api/people/${greta.lanthandelId}/merge`,
      payload: { otherId: dup.body.id },
    });
    expect(merged.status).toBe(200);
    const stale = { ...greta, lanthandelId: dup.body.id, "custom.visits": "7" };
    const result = await importCsv("people", toCsv(columns, [stale]), "system=kalkylblad");
    expect(result.body).toMatchObject({ updated: 1, failed: 0 });
    expect((await person(greta.lanthandelId as string)).custom.visits).toBe(7);

    const erasure = await api.call({
      method: "POST",
      url: `/api/people/${greta.lanthandelId}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erasure.status).toBe(200);
    const late = await importCsv("people", toCsv(columns, [greta]), "system=kalkylblad");
    expect(late.body).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(late.body.errors).toEqual([expect.objectContaining({ field: "personId", code: "erased" })]);
  });

  it("lets a seller's file change only the customers the seller may change", async () => {
    const team = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Väst" } });
    const user = await api.call({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "ulla@example.se",
        name: "Ulla",
        password: "test password 123",
        role: "sales",
        teamIds: [team.body.id],
      },
    });
    const key = (
      await api.call({ method: "POST", url: "/api/api-keys", payload: { name: "ulla", userId: user.body.id } })
    ).body.key as string;
    const other = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Öst" } });
    const { columns, rows } = await exportCsv("people");
    const stig = rows.find((row) => row.surname === "Berg") as TRow;
    const own = rows.find((row) => row.surname === "Eklund") as TRow;
    expect(
      (
        await api.call({
          method: "PATCH",
          url: `/api/people/${stig.lanthandelId}`,
          payload: { ownerTeamId: other.body.id },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call({
          method: "PATCH",
          url: `/api/people/${own.lanthandelId}`,
          payload: { ownerTeamId: team.body.id },
        })
      ).status,
    ).toBe(200);
    const byId = { ...stig, surname: "Kapad" };
    const byPnr = { ...stig, lanthandelId: "", surname: "Kapad", externalId: "X1" };
    const mine = { ...own, surname: "Eklöf" };
    const file = toCsv([...columns, "externalId"], [byId, mine]);
    const result = await importCsv("people", file, "system=kalkylblad", key);
    expect(result.body).toMatchObject({ updated: 1, failed: 1 });
    expect(result.body.errors).toEqual([expect.objectContaining({ row: 1, code: "forbidden" })]);
    const viaPnr = await importCsv("people", toCsv([...columns, "externalId"], [byPnr]), "system=kalkylblad", key);
    expect(viaPnr.body).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(viaPnr.body.errors).toEqual([expect.objectContaining({ row: 1, code: "forbidden" })]);
    expect((await person(stig.lanthandelId as string)).surname).toBe("Berg");
    expect((await person(own.lanthandelId as string)).surname).toBe("Eklöf");
  });

  it("exports organisations with the import's columns, and imports an edited file back onto them", async () => {
    const { columns, rows } = await exportCsv("organizations");
    expect(columns).toEqual([
      "lanthandelId",
      "name",
      "organisationsnummer",
      "legalForm",
      "vatNumber",
      "industry",
      "sniCode",
      "employees",
      "revenueSek",
      "website",
      "owner",
      "ownerTeam",
      "lastContactAt",
      "nextContactAt",
      "addressKind",
      "careOf",
      "street",
      "box",
      "apartment",
      "postalCode",
      "city",
      "country",
      "people",
      "custom.segment",
    ]);
    const bageri = rows.find((row) => row.name === "Bageri Hansson HB") as TRow;
    expect(bageri).toMatchObject({
      organisationsnummer: "9696637033",
      vatNumber: "SE969663703301",
      revenueSek: "4500000",
      website: "https://bageri.example.se",
      addressKind: "visiting",
      street: "Bagargatan 3",
      city: "Göteborg",
      "custom.segment": "Livsmedel",
    });
    const same = await importCsv("organizations", toCsv(columns, rows), "system=kalkylblad");
    expect(same.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });

    const utan = rows.find((row) => row.name === "Utan Nummer AB") as TRow;
    utan.name = "Utan Nummer Aktiebolag";
    bageri.street = "Kvarngatan 1";
    bageri["custom.segment"] = "Café";
    const edited = await importCsv("organizations", toCsv(columns, rows), "system=kalkylblad");
    expect(edited.body).toMatchObject({ created: 0, updated: 2, unchanged: 0, failed: 0 });
    const listed = (await api.call({ url: "/api/organizations?limit=50" })).body.items;
    expect(listed.map((org: { name: string }) => org.name).sort()).toEqual([
      "Bageri Hansson HB",
      "Utan Nummer Aktiebolag",
    ]);
    const detail = (await api.call({ url: `/api/organizations/${bageri.lanthandelId}` })).body;
    expect(detail.custom.segment).toBe("Café");
    expect(detail.addresses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ street: "Kvarngatan 1", validTo: null }),
        expect.objectContaining({ street: "Bagargatan 3", validTo: expect.any(String) }),
      ]),
    );
    const unknown = await importCsv(
      "organizations",
      toCsv(columns, [
        { ...utan, lanthandelId: "01900000-0000-7000-8000-000000000000" },
        { ...utan, lanthandelId: "x" },
      ]),
      "system=kalkylblad",
    );
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ row: 1, field: "organizationId", code: "unknown_organization" }),
      expect.objectContaining({ row: 2, field: "organizationId", code: "invalid_id" }),
    ]);
  });
});
