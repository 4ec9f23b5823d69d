import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { importHelpers } from "../support/imports";
import { STORE_KINDS } from "../support/stores";

/**
 * A data steward's files, as Swedish offices make them in Excel: each row lands as the file
 * says, or is reported on its row; nothing is guessed, overwritten or lost without a word.
 */
describe.each(STORE_KINDS)("files from a Swedish office [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
    for (const payload of [
      { entity: "person", key: "credit", label: "Kreditgräns", type: "kronor" },
      { entity: "person", key: "weight", label: "Vikt", type: "number" },
    ]) {
      expect((await api.call({ method: "POST", url: "/api/custom-attributes", payload })).status).toBe(201);
    }
  });
  afterAll(async () => api?.close());

  const { upload, findOne } = importHelpers(() => api);
  const faults = (report: { errors: Array<{ row: number; field: string; code: string }> }) =>
    report.errors.map((error) => `${error.row}:${error.field}:${error.code}`);

  it("reads decimal commas in semicolon files, and refuses a number that may be a thousand times off", async () => {
    const semicolons = [
      "Kundnr;Förnamn;Efternamn;custom.credit;custom.weight",
      "N1;Nils;Nummersson;1 234,50;1234,5",
      "N2;Nina;Nummersson;1,500 kr;1.500",
    ].join("\r\n");
    const first = (await upload("people", semicolons, "system=excel")).body;
    // In a semicolon file the comma is Swedish Excel's decimal mark; "1.500" could be 1500 grouped.
    expect(first).toMatchObject({ created: 1, failed: 1 });
    expect(faults(first)).toEqual(["2:custom.weight:ambiguous_number"]);
    expect((await findOne("Nils Nummersson")).custom).toEqual({ credit: 1234.5, weight: 1234.5 });

    const commas = [
      "externalId,givenNames,surname,custom.credit,custom.weight",
      'C1,Cecilia,Kommasson,"1 234,50","1234,5"',
      'C2,Carl,Kommasson,"1,500",2.5',
    ].join("\n");
    const second = (await upload("people", commas, "system=excel")).body;
    // A comma file writes decimals with a point; its "1,500" may be fifteen hundred.
    expect(second).toMatchObject({ created: 1, failed: 1 });
    expect(faults(second)).toEqual(["2:custom.credit:ambiguous_number"]);
    expect((await findOne("Cecilia Kommasson")).custom).toEqual({ credit: 1234.5, weight: 1234.5 });
  });

  it("reads Kundnummer in an orders file as the customer, so two orders of one customer are two orders", async () => {
    const people =
      "Kundnummer;Förnamn;Efternamn;Personnummer;E-post\r\n9001;Olga;Ordersson;19850709-9805;olga@example.se\r\n";
    expect((await upload("people", people, "system=kassa")).body).toMatchObject({ created: 1, failed: 0 });
    const orders = [
      "Ordernummer;Kundnummer;Orderdatum;Belopp;Status",
      "O-10;9001;2026-03-02;100,00;Betald",
      "O-11;9001;2026-03-05;250,00;Öppen",
    ].join("\r\n");
    const report = (await upload("orders", orders, "system=kassa")).body;
    expect(report).toMatchObject({ created: 2, updated: 0, failed: 0 });
    // The same file again: the order numbers are the orders' ids, so nothing is added twice.
    expect((await upload("orders", orders, "system=kassa")).body).toMatchObject({ created: 0, failed: 0 });
    // Another file finds the customer by personnummer or e-mail instead.
    const byOther =
      "Ordernr;Personnummer;E-post;Datum;Summa\r\nA1;850709-9805;;2026-03-06;1 000\r\nA2;;OLGA@example.se;2026-03-07;5\r\n";
    expect((await upload("orders", byOther, "system=webshop")).body).toMatchObject({ created: 2, failed: 0 });
    const olga = await findOne("Olga Ordersson");
    const timeline = (await api.call({ url: `/api/people/${olga.id}/timeline?kinds=order` })).body.items;
    expect(
      timeline.map((item: { data: { number: string; totalSek: number; status: string } }) => [
        item.data.number,
        item.data.totalSek,
        item.data.status,
      ]),
    ).toEqual([
      ["A2", 5, "open"],
      ["A1", 1000, "open"],
      ["O-11", 250, "open"],
      ["O-10", 100, "paid"],
    ]);

    const activities = [
      "Aktivitetsid;Kundnummer;Typ;Ämne;Riktning;Datum",
      "H-1;9001;Samtal;Ringde om fakturan;Inkommande;2026-03-02 14:05",
      "H-2;9001;möte;Besök i butiken;;2026-03-03",
    ].join("\r\n");
    expect((await upload("activities", activities, "system=kassa")).body).toMatchObject({ created: 2, failed: 0 });
    const logged = (await api.call({ url: `/api/people/${olga.id}/timeline?kinds=call,meeting` })).body.items;
    expect(logged.map((item: { kind: string; title: string }) => [item.kind, item.title])).toEqual([
      ["meeting", "Besök i butiken"],
      ["call", "Ringde om fakturan"],
    ]);

    // A file that names no customer at all is refused before any row is read.
    const nobody = await upload("orders", "Ordernummer;Belopp\r\nX-1;10\r\n", "system=kassa");
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors).toEqual([
      expect.objectContaining({ field: "mapping.personExternalId", code: "unmapped" }),
    ]);
  });

  it("names a spreadsheet's Summa line as a totals row, not as a customer nobody can find", async () => {
    const orders = [
      "Ordernummer;Kundnummer;Orderdatum;Belopp",
      "S-1;9001;2026-04-01;100,00",
      "S-2;9001;2026-04-02;250,00",
      ";;;",
      "Summa;;;350,00",
    ].join("\r\n");
    const report = (await upload("orders", orders, "system=kassa")).body;
    expect(report).toMatchObject({ rowsRead: 3, created: 2, failed: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 4, field: "(row)", code: "totals_row" })]);
    // A people list's total at the foot is the same; a customer whose number is given is not.
    const people = "Kundnummer;Förnamn;Efternamn\r\n9101;Tora;Summasson\r\nTotalt:;1 kund;\r\n";
    const counted = (await upload("people", people, "system=kassa")).body;
    expect(counted).toMatchObject({ created: 1, failed: 1 });
    expect(counted.errors).toEqual([expect.objectContaining({ row: 2, code: "totals_row" })]);
  });

  it("reports a cell too long for its field on its row, and imports the rest of the batch", async () => {
    const pasted = "Kunden ringde och ville ändra sin adress. ".repeat(500);
    const csv = [
      "Kundnummer;Förnamn;Efternamn;Ort;E-post",
      "L1;Lisa;Långsson;Lund;lisa@example.se",
      `L2;Lars;${pasted};Lund;lars@example.se`,
      "L3;Lena;Långsson;Lund;lena@example.se",
    ].join("\r\n");
    const report = (await upload("people", csv, "system=excel")).body;
    expect(report).toMatchObject({ created: 2, failed: 1 });
    expect(faults(report)).toEqual(["2:surname:too_long"]);
    const list = (await api.call({ url: "/api/people?q=Långsson" })).body.items;
    expect(list.map((person: { givenNames: string }) => person.givenNames).sort()).toEqual(["Lena", "Lisa"]);
  });

  it("reads the country, language and stage as a Swedish file names them", async () => {
    const csv = [
      "Kundnummer;Förnamn;Efternamn;Gatuadress;Postnummer;Ort;Land;Språk;Fas",
      "S1;Sven;Landsson;Storgatan 1;11122;Stockholm;Sverige;Svenska;Kund",
      "S2;Siri;Landsson;Karl Johans gate 1;0154;Oslo;Norge;norska;Tidigare kund",
      "S3;Saga;Landsson;Storgatan 2;11122;Stockholm;Svea rike;sv;Lead",
    ].join("\r\n");
    const report = (await upload("people", csv, "system=excel")).body;
    expect(report).toMatchObject({ created: 2, failed: 1 });
    expect(faults(report)).toEqual(["3:country:invalid_country"]);
    const sven = await findOne("Sven Landsson");
    expect(sven).toMatchObject({ language: "sv", lifecycleStage: "customer" });
    expect(sven.addresses[0]).toMatchObject({ country: "SE", postalCode: "111 22" });
    const siri = await findOne("Siri Landsson");
    expect(siri).toMatchObject({ language: "no", lifecycleStage: "former_customer" });
    expect(siri.addresses[0]).toMatchObject({ country: "NO", postalCode: "0154" });
  });

  it("skips blank rows, keeps the spreadsheet's row numbers, and refuses a row whose cells have shifted", async () => {
    const csv = [
      "",
      "Kundnummer;Förnamn;Efternamn;Ort;E-post",
      "B1;Berit;Blanksson;Lund;berit@example.se",
      ";;;;",
      "",
      "B2;Bo;Blanksson, Jr;Lund;bo@example.se",
      "B3;Bengt;Blanksson;Malmö;inte-en-adress",
      "B4;Britt;Blanksson;Lund;britt@example.se;",
    ].join("\r\n");
    const report = (await upload("people", csv, "system=excel")).body;
    // Rows are numbered as the spreadsheet shows them under the header, blank rows included.
    expect(report).toMatchObject({ rowsRead: 4, created: 3, failed: 1 });
    expect(faults(report)).toEqual(["5:email:invalid_email"]);
    // An unquoted ";" in a name shifts the cells: the town would become "Lund" → "Jr", and so on.
    const shifted = csv.replace("Blanksson, Jr", "Blanksson; Jr");
    const again = (await upload("people", shifted, "system=excel")).body;
    expect(again).toMatchObject({ rowsRead: 4, failed: 2 });
    expect(faults(again).sort()).toEqual(["4:(row):too_many_cells", "5:email:invalid_email"]);
    expect((await findOne("Bo Blanksson")).addresses[0].city).toBe("Lund");
  });

  it("refuses a cell holding NUL on its row, and imports the rows around it", async () => {
    const csv = ["Kundnr;Förnamn;Efternamn", "Z1;Zara;Nollsson", "Z2;Zelda\u0000;Nollsson", "Z3;Zeke;Nollsson"].join(
      "\r\n",
    );
    const report = (await upload("people", csv, "system=excel")).body;
    expect(report).toMatchObject({ rowsRead: 3, created: 2, failed: 1 });
    expect(faults(report)).toEqual(["2:givenNames:nul_character"]);
    const listed = await api.call({ url: "/api/people?q=Nollsson" });
    expect(listed.body.items.map((item: { givenNames: string }) => item.givenNames).sort()).toEqual(["Zara", "Zeke"]);
  });

  it("maps the headers Swedish registers use, and reads every form of personnummer, phone and address", async () => {
    // Saved by Excel as "CSV (semikolonavgränsad)": Windows-1252, CRLF.
    const file = Buffer.from(
      [
        "Kund-ID;Förnamn;Efternamn;Pers.nr;C/O-adress;Utdelningsadress;Post nr;Postort;E-postadress;Mobilnummer;Tel.",
        "H1;Åsa;Hemsson;640823-3234;;Storgatan 1 lgh 1102;11122;Stockholm;asa@example.se;070-123 45 67;08-123 456",
        "H2;Örjan;Hemsson;19121212-1212;Anna Berg;Box 123;S-111 22;Stockholm;;+46 70 123 45 68;",
        "H3;Märta;Hemsson;701063-2391;;Ängsvägen 12, lgh 1203;413 01;Göteborg;;0046 70 123 45 69;031-12 34 56",
        "H4;Gösta;Hemsson;121212+1212;;;;;;;",
      ].join("\r\n"),
      "latin1",
    );
    const report = (await upload("people", file, "system=excel")).body;
    expect(report.unmappedColumns).toEqual([]);
    // H4 is Örjan again (born 1912, written with the + of the over-hundreds): one person.
    expect(report).toMatchObject({ created: 3, updated: 1, failed: 0 });
    const asa = await findOne("Åsa Hemsson");
    expect(asa).toMatchObject({ personnummer: "196408233234" });
    expect(asa.addresses[0]).toMatchObject({ street: "Storgatan 1", apartment: "1102", postalCode: "111 22" });
    expect(asa.phones.map((phone: { e164: string }) => phone.e164).sort()).toEqual(["+46701234567", "+468123456"]);
    const orjan = await findOne("191212121212");
    expect(orjan.externalIds.map((id: { externalId: string }) => id.externalId).sort()).toEqual(["H2", "H4"]);
    expect(orjan.addresses[0]).toMatchObject({ careOf: "Anna Berg", box: "123", street: null, postalCode: "111 22" });
    const marta = await findOne("Märta Hemsson");
    expect(marta).toMatchObject({ personnummer: "197010632391", personnummerKind: "samordningsnummer" });
    expect(marta.addresses[0]).toMatchObject({ street: "Ängsvägen 12", apartment: "1203", city: "Göteborg" });
  });

  it("reads Excel's Unicode text: UTF-16 with tabs, with or without its byte order mark", async () => {
    const lines = [
      "Kundnr\tFörnamn\tEfternamn\tOrt",
      "U1\tÅke\tUnicodesson\tÖrebro",
      "U2\tÆsa\tUnicodesson\tMalmö",
      "",
    ];
    const text = lines.join("\r\n");
    const bigEndian = Buffer.from(text, "utf16le").swap16();
    const files = [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]),
      Buffer.from(text, "utf16le"),
    ];
    for (const [index, file] of files.entries()) {
      // Before, the zero bytes were read as Windows-1252 and no header was recognised.
      const report = (await upload("people", file, "system=unicode")).body;
      expect(report.unmappedColumns).toEqual([]);
      // The same two people each time: the later files find them unchanged.
      expect(report).toMatchObject({ created: index === 0 ? 2 : 0, unchanged: index === 0 ? 0 : 2, failed: 0 });
    }
    const ake = await findOne("Åke Unicodesson");
    expect(ake).toMatchObject({ givenNames: "Åke" });
    expect(ake.addresses[0]).toMatchObject({ city: "Örebro" });
    expect((await findOne("Æsa Unicodesson")).addresses[0]).toMatchObject({ city: "Malmö" });
  });

  it("does not hang an order on one of the people who share its e-mail", async () => {
    const family = [
      "Kundnummer;Förnamn;Efternamn;E-post",
      "F1;Frida;Familjsson;familjen@example.se",
      "F2;Fredrik;Familjsson;familjen@example.se",
    ].join("\r\n");
    expect((await upload("people", family, "system=butik")).body).toMatchObject({ created: 2, failed: 0 });
    const orders = [
      "Ordernummer;Kundnummer;E-post;Belopp",
      "F-1;;familjen@example.se;100",
      "F-2;F2;familjen@example.se;200",
    ].join("\r\n");
    const report = (await upload("orders", orders, "system=butik")).body;
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(faults(report)).toEqual(["1:email:ambiguous_person"]);
    const fredrik = await findOne("Fredrik Familjsson");
    const timeline = (await api.call({ url: `/api/people/${fredrik.id}/timeline?kinds=order` })).body.items;
    expect(timeline.map((item: { data: { number: string } }) => item.data.number)).toEqual(["F-2"]);
    const frida = await findOne("Frida Familjsson");
    expect((await api.call({ url: `/api/people/${frida.id}/timeline?kinds=order` })).body.items).toEqual([]);
  });

  it("takes a row copied twice in one file as unchanged, and refuses a repeated id with other values", async () => {
    const csv = [
      "Kundnummer;Förnamn;Efternamn;Ort",
      "R1;Rut;Radsson;Lund",
      "R2;Rolf;Radsson;Lund",
      "R1;Rut;Radsson;Lund",
      "R2;Rolf;Radsson;Malmö",
    ].join("\r\n");
    const report = (await upload("people", csv, "system=excel")).body;
    expect(report).toMatchObject({ rowsRead: 4, created: 2, unchanged: 1, failed: 1 });
    expect(faults(report)).toEqual(["4:externalId:duplicate_in_file"]);
    expect((await findOne("Rolf Radsson")).addresses[0].city).toBe("Lund");
  });

  it("reads an organisations file as a Swedish register writes it: Org.nr, Besöksadress, a box in the street", async () => {
    const csv = [
      "Kundnummer;Företag;Org.nr;Besöksadress;Postnr;Ort;Antal anställda;Omsättning",
      "F1;Bryggeriet i Visby AB;556036-0793;Hamngatan 1;621 57;Visby;12;4 500 000",
      "F2;Exempel Konsult AB;556080-1721;Box 55;111 22;Stockholm;;",
    ].join("\r\n");
    const report = (await upload("organizations", Buffer.from(csv, "latin1"), "system=excel")).body;
    expect(report).toMatchObject({ created: 2, failed: 0, unmappedColumns: [] });
    const [konsult] = (await api.call({ url: "/api/organizations?q=5560801721" })).body.items;
    const detail = (await api.call({ url: `/api/organizations/${konsult.id}` })).body;
    expect(detail.addresses[0]).toMatchObject({ box: "55", street: null, postalCode: "111 22", city: "Stockholm" });
    const [bryggeriet] = (await api.call({ url: "/api/organizations?q=5560360793" })).body.items;
    expect(bryggeriet).toMatchObject({ employees: 12 });
  });

  it("imports a people list kept without customer numbers by personnummer, and the same file again changes nothing", async () => {
    const list = [
      "Förnamn;Efternamn;Personnummer;E-post",
      "Åsa;Öström;19850312-2387;asa.ostrom@example.se",
      "Bo;Utanpnr;;bo@example.se",
      "Åsa;Öström;850312-2387;asa.ostrom@example.se",
    ].join("\r\n");
    const first = (await upload("people", list, "system=kalkylblad")).body;
    // The row with neither customer number nor personnummer cannot be told apart from a new person.
    expect(faults(first)).toEqual(["2:externalId:required"]);
    expect(first).toMatchObject({ created: 1, failed: 1 });
    const again = (await upload("people", list, "system=kalkylblad")).body;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    const asa = await findOne("Åsa Öström");
    expect(asa.personnummer).toBe("198503122387");
    expect(asa.lineage.givenNames).toMatchObject({ system: "kalkylblad" });
  });

  it("imports a call log kept without an id column, and the same file again changes nothing", async () => {
    const people = "Kundnummer;Förnamn;Efternamn\r\nA1;Alva;Aktivsson\r\n";
    expect((await upload("people", people, "system=kalkylblad")).body).toMatchObject({ created: 1 });
    const calls = [
      "Kundnummer;Typ;Ämne;Datum",
      "A1;Samtal;Ringde om offerten;2026-03-02 10:00",
      "A1;Samtal;Ringde igen;2026-03-03 10:00",
    ].join("\r\n");
    expect((await upload("activities", calls, "system=kalkylblad")).body).toMatchObject({ created: 2, failed: 0 });
    expect((await upload("activities", calls, "system=kalkylblad")).body).toMatchObject({
      created: 0,
      unchanged: 2,
      failed: 0,
    });
    const alva = await findOne("Alva Aktivsson");
    const logged = (await api.call({ url: `/api/people/${alva.id}/timeline?kinds=call` })).body.items;
    expect(logged.map((item: { title: string }) => item.title)).toEqual(["Ringde igen", "Ringde om offerten"]);
  });
});
