import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { importHelpers } from "../support/imports";
import { STORE_KINDS } from "../support/stores";

/**
 * Files as Swedish offices export them, and the faults they bring: each must be imported as
 * written or reported row by row, never stored differently than the file says.
 */
describe.each(STORE_KINDS)("importing real-world CSV files [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "tier", label: "Nivå", type: "choice", choices: ["silver", "guld"] },
    });
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "newsletter", label: "Nyhetsbrev", type: "boolean" },
    });
  });
  afterAll(async () => api?.close());

  const { upload, findOne } = importHelpers(() => api);

  it("keeps a comma inside a field of a semicolon file, and a decimal comma in a tab file", async () => {
    const semicolons = "Kundnr;Förnamn;Efternamn;Ort;Gatuadress\n3102;Bo;Kommasson, Jr;Lund;Lilla vägen 2, 1 tr\n";
    expect((await upload("people", semicolons, "system=fortnox")).body).toMatchObject({ created: 1, failed: 0 });
    const bo = await findOne("Kommasson");
    expect(bo.surname).toBe("Kommasson, Jr");
    expect(bo.addresses[0]).toMatchObject({ street: "Lilla vägen 2, 1 tr", city: "Lund" });
    const tabs = "Kundnr\tFörnamn\tEfternamn\tcustom.tier\n7004\tDora\tTabbsson\tsilver\n";
    expect((await upload("people", tabs, "system=fortnox")).body).toMatchObject({ created: 1, failed: 0 });
    expect((await findOne("Tabbsson")).custom).toEqual({ tier: "silver" });
  });

  it("reads a Windows-1252 file from an older Excel as the letters it holds", async () => {
    const latin1 = Buffer.from(
      "Kundnr;Förnamn;Efternamn;Ort;Gatuadress\n4002;Åsa;Öström;Västerås;Ängsvägen 3\n",
      "latin1",
    );
    expect((await upload("people", latin1, "system=visma")).body).toMatchObject({ created: 1, failed: 0 });
    const asa = await findOne("Öström");
    expect(asa).toMatchObject({ givenNames: "Åsa", surname: "Öström" });
    expect(asa.addresses[0]).toMatchObject({ street: "Ängsvägen 3", city: "Västerås" });
  });

  it("reports an impossible birth date on its row and imports the others", async () => {
    const csv =
      "externalId,givenNames,surname,birthDate\nP1,Olle,Datumsson,1990-01-01\nP2,Fel,Datumsson,1990-02-30\nP3,Tre,Datumsson,\n";
    const report = (await upload("people", csv, "system=datum")).body;
    expect(report).toMatchObject({ created: 2, failed: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: "birthDate", code: "invalid_date" })]);
  });

  it("takes custom yes/no and choices in any case", async () => {
    const csv = "externalId;givenNames;surname;custom.newsletter;custom.tier\nC1;Cilla;Versalsson;Ja;Guld\n";
    expect((await upload("people", csv, "system=crm")).body).toMatchObject({ created: 1, failed: 0 });
    expect((await findOne("Versalsson")).custom).toEqual({ newsletter: true, tier: "guld" });
  });

  it("reads dates day first and Swedish Excel's SANT and FALSKT, as the docs promise, in people and organisations", async () => {
    for (const payload of [
      { entity: "person", key: "since", label: "Kund sedan", type: "date" },
      { entity: "organization", key: "signed", label: "Avtal tecknat", type: "date" },
      { entity: "organization", key: "active", label: "Aktiv", type: "boolean" },
    ]) {
      expect((await api.call({ method: "POST", url: "/api/custom-attributes", payload })).status).toBe(201);
    }
    const people =
      "externalId;givenNames;surname;birthDate;custom.since;custom.newsletter\n" +
      "D1;Doris;Dagsson;02/11/1984;2.3.2026;SANT\nD2;Dan;Dagsson;;31/02/2026;FALSKT\n";
    const report = (await upload("people", people, "system=excel")).body;
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: "custom.since" })]);
    expect(await findOne("Doris Dagsson")).toMatchObject({
      birthDate: "1984-11-02",
      custom: { since: "2026-03-02", newsletter: true },
    });
    const orgs = "name;custom.signed;custom.active\nDagsbageriet AB;15.01.2025;FALSKT\n";
    expect((await upload("organizations", orgs, "system=excel")).body).toMatchObject({ created: 1, failed: 0 });
    const [org] = (await api.call({ url: "/api/organizations?q=Dagsbageriet" })).body.items;
    const detail = (await api.call({ url: `/api/organizations/${org.id}` })).body;
    expect(detail.custom).toEqual({ signed: "2025-01-15", active: false });
  });

  it("refuses two columns for one field, and a mapping to a field that does not exist", async () => {
    const twice = await upload(
      "people",
      "Kundnr;Förnamn;Efternamn;Telefon;Telefon\nT1;Ta;Två;08-123 45 67;070-765 43 21\n",
      "system=crm",
    );
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: "mapping.phone", code: "duplicate_column" })]);
    const unknown = await upload(
      "people",
      "Kundnr;Förnamn;Efternamn;Kategori\nK1;Ka;Tegori;guld\n",
      "system=crm&map=Kategori%3Dtier",
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: "mapping.Kategori", code: "unknown_field" }),
    ]);
  });

  it("re-imports organisations by external id or organisationsnummer: unchanged, or updated where the file differs", async () => {
    const orgs = "Kundnr;Företag;Organisationsnummer;Bransch\nF1;Exempel Konsult AB;556080-1721;Konsult\n";
    expect((await upload("organizations", orgs, "system=fortnox")).body).toMatchObject({ created: 1, failed: 0 });
    expect((await upload("organizations", orgs, "system=fortnox")).body).toMatchObject({
      created: 0,
      unchanged: 1,
      failed: 0,
    });
    // Another system's file finds it by organisationsnummer and links its own id.
    const other = "id;name;organisationsnummer\nV-9;Exempel Konsult AB;5560801721\n";
    expect((await upload("organizations", other, "system=visma")).body).toMatchObject({
      created: 0,
      updated: 1,
      failed: 0,
    });
    const changed = orgs.replace("Konsult\n", "Revision\n");
    expect((await upload("organizations", changed, "system=fortnox")).body).toMatchObject({ updated: 1, failed: 0 });
    const list = await api.call({ url: "/api/organizations?q=Exempel" });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].industry).toBe("Revision");
  });

  it("reads order dates day first and amounts as Swedish files write them, and reports what it cannot read", async () => {
    await upload("people", "externalId,givenNames,surname\nK1,Orvar,Ordersson\n", "system=shop");
    const orders = [
      "Ordernr;Kundnr;Belopp;Datum",
      "W-1;K1;1 234,50 kr;02/03/2026",
      "W-2;K1;tolv;2026-03-04 14:05",
      "W-3;K1;99;2026-13-01",
    ].join("\n");
    const report = (
      await upload(
        "orders",
        orders,
        "system=shop&map=Ordernr%3DexternalId,Kundnr%3DpersonExternalId,Belopp%3DtotalSek,Datum%3DorderedAt",
      )
    ).body;
    expect(report).toMatchObject({ created: 1, failed: 2 });
    expect(
      report.errors.map(
        (error: { row: number; field: string; code: string }) => `${error.row}:${error.field}:${error.code}`,
      ),
    ).toEqual(["2:totalSek:invalid_number", "3:orderedAt:invalid_date"]);
    const person = await findOne("Ordersson");
    const timeline = await api.call({ url: `/api/people/${person.id}/timeline?kinds=order` });
    expect(timeline.body.items).toHaveLength(1);
    expect(timeline.body.items[0].data.totalSek).toBe(1234.5);
    // A date alone is the start of that day in the installation's zone (Europe/Stockholm).
    expect(timeline.body.items[0].occurredAt).toBe("2026-03-01T23:00:00.000Z");
  });

  it("repeats an activity as unchanged, and reports one the file tells differently", async () => {
    await upload("people", "externalId,givenNames,surname\nA1,Aktiv,Aktivitetsson\n", "system=crm");
    const calls = "externalId;kundid;typ;rubrik;datum\nC-1;A1;call;Ringde om offert;2026-05-02T10:00:00Z\n";
    expect((await upload("activities", calls, "system=crm")).body).toMatchObject({ created: 1 });
    expect((await upload("activities", calls, "system=crm")).body).toMatchObject({
      created: 0,
      unchanged: 1,
      failed: 0,
    });
    const retold = (await upload("activities", calls.replace("Ringde om offert", "Mejlade offert"), "system=crm")).body;
    expect(retold).toMatchObject({ failed: 1 });
    expect(retold.errors).toEqual([expect.objectContaining({ row: 1, field: "externalId", code: "already_logged" })]);
  });

  it("takes rows with one personnummer as one person, in one batch as across batches", async () => {
    const csv = [
      "Kundnr;Förnamn;Efternamn;Personnummer",
      "D1;Doris;Dubbelsson;19800101-0019",
      "D2;Doris;Dubbelsson;198001010019",
      "D3;Doris;Dubbelsson;800101-0019",
    ].join("\n");
    expect((await upload("people", csv, "system=kassa")).body).toMatchObject({ created: 1, updated: 2, failed: 0 });
    const doris = await findOne("Dubbelsson");
    expect(doris.externalIds.map((id: { externalId: string }) => id.externalId).sort()).toEqual(["D1", "D2", "D3"]);
  });
});
