import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const PEOPLE_CSV = [
  "Kundnummer;Förnamn;Efternamn;Tilltalsnamnsmarkering;Personnummer;E-post;Mobil;Gatuadress;Postnummer;Ort;custom.tier",
  "K1;Karl Stig Emanuel;Berg;20;19121212-1212;stig@example.se;0701234567;Storgatan 1;11122;Stockholm;guld",
  "K2;Anna-Karin;Lund;;;anna@example.se;;Kyrkvägen 2;75236;Uppsala;",
  "K3;Per;Fel;;19121212-1213;not-an-email;;;;;",
  "K4;Lisa;Ek;;;;;;01234;Ort;",
].join("\n");

describe.each(STORE_KINDS)("CSV import and export [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "tier", label: "Nivå", type: "choice", choices: ["silver", "guld"] },
    });
  });
  afterAll(async () => api?.close());

  const importCsv = (entity: string, csv: string, query: string) => api.importCsv(entity, csv, query);

  it("validates in a dry run without writing anything", async () => {
    const dry = await importCsv("people", PEOPLE_CSV, "system=webshop&dryRun=true");
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rowsRead: 4, created: 2, updated: 0, failed: 2 });
    expect((await api.call({ url: "/api/people?q=Berg" })).body.items).toHaveLength(0);
  });

  it("imports the valid rows, reports every failing row with its field, and is idempotent", async () => {
    const first = await importCsv("people", PEOPLE_CSV, "system=webshop");
    expect(first.body).toMatchObject({ rowsRead: 4, created: 2, updated: 0, failed: 2 });
    expect(first.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: "personnummer", code: "invalid_checksum" }),
        expect.objectContaining({ row: 3, field: "email", code: "invalid_email" }),
        expect.objectContaining({ row: 4, field: "postalCode", code: "invalid_postnummer" }),
      ]),
    );
    // Each fault's field leads to the file's own column.
    expect(first.body.columns).toMatchObject({
      postalCode: "Postnummer",
      email: "E-post",
      personnummer: "Personnummer",
    });
    const again = await importCsv("people", PEOPLE_CSV, "system=webshop");
    // The same values again: nothing is written, and the values keep the time they came with.
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 2 });
    const found = await api.call({ url: "/api/people?q=Berg" });
    expect(found.body.items).toHaveLength(1);
    const stig = await api.call({ url: `/api/people/${found.body.items[0].id}` });
    expect(stig.body).toMatchObject({
      greetingName: "Stig",
      personnummer: "191212121212",
      custom: { tier: "guld" },
      externalIds: [{ system: "webshop", externalId: "K1" }],
    });
    expect(stig.body.phones[0].e164).toBe("+46701234567");
    expect(stig.body.addresses[0]).toMatchObject({
      postalCode: "111 22",
      source: { system: "webshop", externalId: "K1" },
    });
  });

  it("records a move when a re-import brings a new address, and links a second system by personnummer", async () => {
    const moved = PEOPLE_CSV.replace("Storgatan 1;11122;Stockholm", "Nygatan 5;41104;Göteborg");
    await importCsv("people", moved, "system=webshop");
    const erp = "id,givenNames,surname,personnummer,phone\nERP-9,Karl Stig Emanuel,Berg,19121212-1212,08-123 456 78";
    const linked = await importCsv("people", erp, "system=erp");
    expect(linked.body).toMatchObject({ created: 0, updated: 1 });
    const id = (await api.call({ url: "/api/people?q=Berg" })).body.items[0].id;
    const stig = await api.call({ url: `/api/people/${id}` });
    expect(
      stig.body.addresses.map((a: { city: string; validTo: string | null }) => [a.city, a.validTo === null]),
    ).toEqual([
      ["Göteborg", true],
      ["Stockholm", false],
    ]);
    expect(stig.body.externalIds.map((e: { system: string }) => e.system).sort()).toEqual(["erp", "webshop"]);
    expect(stig.body.phones.map((p: { e164: string }) => p.e164).sort()).toEqual(["+46701234567", "+46812345678"]);
  });

  it("imports orders and activities that refer to people by the source's customer id", async () => {
    const orders =
      "externalId,personExternalId,number,totalSek,status,orderedAt\nO1,K1,1001,12500.00,open,2026-05-01\nO2,K404,1002,10,open,2026-05-01";
    // A dry run finds the same faults as the real run, and stores nothing.
    const dry = await importCsv("orders", orders, "system=webshop&dryRun=true");
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, failed: 1 });
    expect(dry.body.errors[0]).toMatchObject({ row: 2, code: "unknown_person" });
    const result = await importCsv("orders", orders, "system=webshop");
    expect(result.body).toMatchObject({ created: 1, failed: 1 });
    expect(result.body.errors[0]).toMatchObject({ row: 2, code: "unknown_person" });
    // The same file again changes nothing; a new status is an update.
    expect((await importCsv("orders", orders, "system=webshop")).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const paid = orders.replace("O1,K1,1001,12500.00,open", "O1,K1,1001,12500.00,paid");
    expect((await importCsv("orders", paid, "system=webshop")).body).toMatchObject({ created: 0, updated: 1 });
    const calls = "externalId;kundid;typ;rubrik;datum\nA1;K1;call;Klagomål;2026-05-02T10:00:00Z";
    expect((await importCsv("activities", calls, "system=webshop")).body).toMatchObject({ created: 1, failed: 0 });
    expect((await importCsv("activities", calls, "system=webshop")).body).toMatchObject({ created: 0, unchanged: 1 });
    const id = (await api.call({ url: "/api/people?q=Berg" })).body.items[0].id;
    const timeline = await api.call({ url: `/api/people/${id}/timeline` });
    expect(timeline.body.items.map((item: { kind: string }) => item.kind)).toEqual(["call", "order"]);
  });

  it("names an organisation's faulty e-mail, phone and postcode by the file's columns", async () => {
    const file = "Orgnr;Namn;E-post;Telefon;Postnr;Ort\n556036-0793;Acme AB;info@acme;abc;1234;Lund";
    const report = (await importCsv("organizations", file, "system=crm&dryRun=true")).body;
    expect(report).toMatchObject({ failed: 1, columns: { email: "E-post", phone: "Telefon", postalCode: "Postnr" } });
    expect(report.errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)).toEqual([
      "email:invalid_email",
      "phone:invalid_phone",
      "postalCode:invalid_postnummer",
    ]);
  });

  it("names every fault of a company row at once, those its numbers have and those its contact points have", async () => {
    const file = "Orgnr;Namn;Anställda;Mejl;Postnr\n556036-0793;Volvo AB;-3;info@volvo;1234";
    const report = (await importCsv("organizations", file, "system=crm&dryRun=true")).body;
    // Before, only the employees: the e-mail and postcode came out at the next run.
    expect(report.errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)).toEqual([
      "employees:too_small",
      "email:invalid_email",
      "postalCode:invalid_postnummer",
    ]);
  });

  it("reads a Tilltalsnamn column of digits as the population register's marking", async () => {
    const file = [
      "Kundnr;Förnamn;Efternamn;Tilltalsnamn",
      "T1;Karl Stig Emanuel;Tilltal;20",
      "T2;Anna Maria;Tilltal;Maria",
      "T3;Per;Tilltal;30",
    ].join("\n");
    const report = (await importCsv("people", file, "system=spar")).body;
    expect(report).toMatchObject({ created: 2, failed: 1, columns: { preferredGivenName: "Tilltalsnamn" } });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, field: "preferredGivenName", code: "invalid_marking" }),
    ]);
    const found = await api.call({ url: "/api/people?q=Tilltal&sort=name" });
    expect(found.body.items.map((person: { greetingName: string }) => person.greetingName).sort()).toEqual([
      "Maria",
      "Stig",
    ]);
  });

  it("refuses an activity kind, direction or order status it does not know, naming the words it does", async () => {
    const calls =
      "Kundnr;Typ;Riktning;Rubrik;Datum\nK1;Fax;;Skickade fax;2026-05-02\nK1;Samtal;Bakåt;Ringde;2026-05-03";
    const activities = (await importCsv("activities", calls, "system=webshop&dryRun=true")).body;
    expect(activities.errors).toEqual([
      {
        row: 1,
        field: "kind",
        code: "unknown_kind",
        message:
          '"Fax" is not a kind of activity: samtal, möte, e-post, anteckning or uppgift (call, meeting, email, note, task)',
      },
      expect.objectContaining({ row: 2, field: "direction", code: "unknown_direction" }),
    ]);
    expect(activities.columns).toMatchObject({ kind: "Typ", direction: "Riktning" });
    const orders = "Ordernr;Kundnr;Belopp;Status\n7001;K1;100;Restnoterad\n7002;K1;100;BETALD";
    const report = (await importCsv("orders", orders, "system=webshop&dryRun=true")).body;
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.errors[0]).toMatchObject({ row: 1, field: "status", code: "unknown_status" });
    expect(report.errors[0].message).toContain("öppen, bekräftad, skickad, levererad, fakturerad, betald");
  });

  it("refuses an order it could not find again, so that the same file imported twice adds nothing", async () => {
    // Before, the row without a number was added again at each import, and 1,555 kr, stored as
    // 1,56, was updated at each.
    const orders = "Ordernr;Kundnr;Belopp\n8001;K1;1,555\n;K1;250\n8002;K1;1 250,50";
    const first = (await importCsv("orders", orders, "system=webshop")).body;
    expect(first).toMatchObject({ created: 1, failed: 2 });
    expect(first.errors).toEqual([
      expect.objectContaining({ row: 1, field: "totalSek", code: "too_many_decimals" }),
      expect.objectContaining({ row: 2, field: "number", code: "required" }),
    ]);
    expect((await importCsv("orders", orders, "system=webshop")).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
      failed: 2,
    });
    const companies = "Orgnr;Namn;Anställda;Omsättning;Momsnr\n556036-0793;Volvo;-5;1,5;\n556036-0793;Volvo;;;SE123";
    const report = (await importCsv("organizations", companies, "system=crm&dryRun=true")).body;
    expect(
      report.errors.map((error: { field: string; message: string }) => `${error.field}: ${error.message}`),
    ).toEqual([
      "employees: Employees cannot be negative",
      "revenueSek: Revenue in whole kronor, without öre",
      "vatNumber: A Swedish VAT number is SE, the 10-digit organisationsnummer and 01.",
    ]);
  });

  it("rejects a file without the required columns and names them", async () => {
    const bad = await importCsv("people", "name;mail\nx;y", "system=webshop");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual([
      "mapping.externalId",
      "mapping.givenNames",
      "mapping.surname",
    ]);
    const mapped = await importCsv(
      "people",
      "nr;a;b\nM1;Mia;Mapp",
      "system=crm&map=nr=externalId,a=givenNames,b=surname",
    );
    expect(mapped.body.created).toBe(1);
  });

  it("exports the filtered list as CSV with custom attribute columns", async () => {
    const response = await api.app.inject({
      url: "/api/people/export.csv?filter=custom.tier:eq:guld",
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "lanthandelId,givenNames,preferredGivenName,greetingName,surname,personnummer,birthDate,language," +
        "lifecycleStage,owner,ownerTeam,lastContactAt,nextContactAt,email,phone,addressKind,careOf,street,box,apartment,postalCode,city,country,custom.tier",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",Karl Stig Emanuel,Stig,Stig,Berg,191212121212,1912-12-12,sv,");
    // Stig moved to Göteborg in the test above.
    expect(lines[1]).toContain(",home,,Nygatan 5,,,411 04,Göteborg,SE,guld");
  });
});
