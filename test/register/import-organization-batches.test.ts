import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/se/luhn";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/** A valid organisationsnummer of a limited company (group digit 5), from a running number. */
function orgnr(index: number): string {
  const nine = `556${String(index).padStart(6, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine, 9)}`;
}

/**
 * A company register moved in from another system: the new companies of a batch are written
 * together, and each must come out as one registered alone would, with its contact points, the
 * source of every value, its audit entry, and found by a row further down that names it again.
 */
describe.each(STORE_KINDS)("organisations imported a batch at a time [%s]", (kind) => {
  let api: TestApi;
  const importCsv = (csv: string, query = "system=affar&batchSize=10", key?: string) =>
    api.importCsv("organizations", csv, query, key);
  const find = async (q: string) =>
    (await api.call({ url: `/api/organizations?q=${encodeURIComponent(q)}` })).body.items as Array<{
      id: string;
      name: string;
      industry: string | null;
    }>;

  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  it("registers each new company of a batch as one registered alone, and a row naming it again updates it", async () => {
    const file = [
      "Kundnummer;Företag;Org.nr;E-post;Telefon;Besöksadress;Postnr;Ort",
      `F1;Alfa Verktyg AB;${orgnr(1)};info@alfa.example;08-123 456 78;Storgatan 1;11122;Stockholm`,
      `F2;Beta Bygg AB;${orgnr(2)};;;;;`,
      "F3;Gamma AB;556000-0000;;;;;",
      `F1;Alfa Verktyg AB;${orgnr(1)};order@alfa.example;;;;`,
    ].join("\n");
    const report = await importCsv(file);
    expect(report.body).toMatchObject({ rowsRead: 4, created: 2, updated: 1, failed: 1 });
    expect(report.body.errors).toEqual([expect.objectContaining({ row: 3, field: "organisationsnummer" })]);

    const [alfa] = await find("Alfa Verktyg");
    const detail = (await api.call({ url: `/api/organizations/${alfa?.id}` })).body;
    expect(detail).toMatchObject({
      name: "Alfa Verktyg AB",
      organisationsnummer: orgnr(1).replace("-", ""),
      vatNumber: `SE${orgnr(1).replace("-", "")}01`,
      legalForm: "Aktiebolag",
    });
    expect(detail.emails.map((email: { address: string }) => email.address).sort()).toEqual([
      "info@alfa.example",
      "order@alfa.example",
    ]);
    expect(detail.phones[0]).toMatchObject({ e164: "+46812345678", source: { system: "affar", externalId: "F1" } });
    expect(detail.addresses).toEqual([
      expect.objectContaining({ street: "Storgatan 1", postalCode: "111 22", city: "Stockholm", validTo: null }),
    ]);
    expect(detail.lineage.name).toMatchObject({ system: "affar", externalId: "F1" });
    const audit = await api.call({ url: `/api/audit-log?entity=organization&entityId=${alfa?.id}` });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain("organization.create");

    // The same file again changes nothing; the faulty row is still reported.
    expect((await importCsv(file)).body).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 1 });
    expect(await find("Beta Bygg")).toHaveLength(1);
  });

  it("finds a company by an id a row earlier in the batch gave it, rather than registering it twice", async () => {
    const [beta] = await find("Beta Bygg");
    const file = [
      "organizationId;externalId;name;industry",
      `${beta?.id};C9;Beta Bygg AB;`,
      ";C9;Beta Bygg AB;Bygg",
      ";C10;Delta Data AB;",
    ].join("\n");
    expect((await importCsv(file, "system=crm&batchSize=10")).body).toMatchObject({
      created: 1,
      updated: 2,
      failed: 0,
    });
    const found = await find("Beta Bygg");
    expect(found).toEqual([expect.objectContaining({ id: beta?.id, industry: "Bygg" })]);
  });

  it("finds a company by the organisationsnummer in a VAT number given alone, and registers the rest", async () => {
    const file = [
      "Kundnummer;Företag;vatNumber",
      `V1;Alfa Verktyg AB;SE${orgnr(1).replace("-", "")}01`,
      `V2;Epsilon AB;SE${orgnr(5).replace("-", "")}01`,
    ].join("\n");
    const [alfa] = await find("Alfa Verktyg");
    expect((await importCsv(file, "system=moms")).body).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(await find("Alfa Verktyg")).toEqual([expect.objectContaining({ id: alfa?.id })]);
    expect((await find("Epsilon"))[0]).toBeDefined();
    // The VAT system's ids now name them: the file again changes nothing.
    expect((await importCsv(file, "system=moms")).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("finds a file sent again unchanged, and applies a changed row and two rows for one company in file order", async () => {
    const file = [
      "Kundnummer;Företag;Org.nr;Bransch;Telefon",
      `K1;Kappa Handel AB;${orgnr(11)};Handel;08-111 111 11`,
      `K2;Lambda Handel AB;${orgnr(12)};Handel;`,
    ].join("\n");
    expect((await importCsv(file)).body).toMatchObject({ created: 2, failed: 0 });
    expect((await importCsv(file)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // A second system's file of the same companies links its ids to them, and is then unchanged.
    expect((await importCsv(file, "system=visma")).body).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect((await importCsv(file, "system=visma")).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = [
      "Kundnummer;Företag;Org.nr;Bransch;Telefon",
      `K1;Kappa Handel AB;${orgnr(11)};Handel;08-222 222 22`,
      `K2;Lambda Handel AB;;Industri;`,
      // The same company by its number alone, further down: the later row wins, though it says
      // what the register held before the row above.
      `;Lambda Handel AB;${orgnr(12)};Handel;`,
    ].join("\n");
    expect((await importCsv(changed)).body).toMatchObject({ created: 0, updated: 3, unchanged: 0, failed: 0 });
    const [lambda] = await find("Lambda Handel");
    expect(lambda?.industry).toBe("Handel");
    const [kappa] = await find("Kappa Handel");
    const detail = (await api.call({ url: `/api/organizations/${kappa?.id}` })).body;
    expect(detail.phones.map((phone: { e164: string }) => phone.e164).sort()).toEqual(["+46811111111", "+46822222222"]);
  });

  it("applies a file of changed companies as single changes would, and refuses a seller's rows on another team's company", async () => {
    const team = async (name: string) =>
      (await api.call({ method: "POST", url: "/api/teams", payload: { name } })).body.id as string;
    const south = await team("Sälj Söder");
    await team("Sälj Väster");
    const user = await api.call({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "sune@example.se",
        name: "Sune Söder",
        password: "test password 123",
        role: "sales",
        teamIds: [south],
      },
    });
    const sellerKey = (
      await api.call({ method: "POST", url: "/api/api-keys", payload: { name: "s", userId: user.body.id } })
    ).body.key as string;
    const header = "Kundnummer;Företag;Org.nr;Bransch;Telefon;E-post;Besöksadress;Postnr;Ort";
    await importCsv(
      [
        `${header};Team`,
        `M1;My Mekanik AB;${orgnr(21)};Mekanik;08-100 000 01;;Storgatan 1;11122;Stockholm;Sälj Söder`,
        `M2;Ny Nätverk AB;${orgnr(22)};Nätverk;;;;;;Sälj Väster`,
        `M3;Xi Export AB;${orgnr(23)};Export;;;;;;`,
      ].join("\n"),
      "system=erp",
    );
    const [my] = await find("My Mekanik");
    const [ny] = await find("Ny Nätverk");
    const [xi] = await find("Xi Export");
    const trail = async (id: string | undefined) =>
      (await api.call({ url: `/api/audit-log?entity=organization&entityId=${id}` })).body.items as Array<{
        action: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }>;

    const changed = [
      header,
      `M1;My Mekanik AB;${orgnr(21)};Verkstad;08-100 000 02;;Lillgatan 2;11133;Stockholm`,
      `M2;Ny Nätverk AB;${orgnr(22)};Nätverk;;info@ny.example;;;`,
      `M3;Xi Export AB;${orgnr(23)};Export;;;;;`,
    ].join("\n");
    expect((await importCsv(changed, "system=erp")).body).toMatchObject({ updated: 2, unchanged: 1, failed: 0 });
    const mekanik = (await api.call({ url: `/api/organizations/${my?.id}` })).body;
    expect(mekanik.industry).toBe("Verkstad");
    expect(mekanik.lineage.industry).toMatchObject({ system: "erp", externalId: "M1" });
    // The number it had stays primary; the move closes the old address, never overwrites it.
    expect(
      mekanik.phones.map((phone: { e164: string; isPrimary: boolean }) => [phone.e164, phone.isPrimary]).sort(),
    ).toEqual([
      ["+46810000001", true],
      ["+46810000002", false],
    ]);
    expect(mekanik.addresses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ street: "Lillgatan 2", postalCode: "111 33", validTo: null }),
        expect.objectContaining({ street: "Storgatan 1", validTo: expect.any(String) }),
      ]),
    );
    const natverk = (await api.call({ url: `/api/organizations/${ny?.id}` })).body;
    expect(natverk.emails).toEqual([expect.objectContaining({ address: "info@ny.example", isPrimary: true })]);
    const myTrail = await trail(my?.id);
    expect(myTrail.map((entry) => entry.action).sort()).toEqual([
      "address.move",
      "organization.create",
      "organization.update",
      "phone.add",
    ]);
    expect(myTrail.find((entry) => entry.action === "organization.update")).toMatchObject({
      before: { industry: "Mekanik" },
      after: { industry: "Verkstad" },
    });
    expect((await trail(ny?.id)).map((entry) => entry.action).sort()).toEqual(["email.add", "organization.create"]);
    expect((await trail(xi?.id)).map((entry) => entry.action)).toEqual(["organization.create"]);

    // The seller may change their team's company, not the other team's; a row changing nothing is no change.
    const bySeller = [
      header,
      `M1;My Mekanik AB;${orgnr(21)};Fordon;;;;;`,
      `M2;Ny Nätverk AB;${orgnr(22)};Data;;;;;`,
      `M3;Xi Export AB;${orgnr(23)};Export;;;;;`,
    ].join("\n");
    const report = await importCsv(bySeller, "system=erp", sellerKey);
    expect(report.body).toMatchObject({ updated: 1, unchanged: 1, failed: 1 });
    expect(report.body.errors).toEqual([expect.objectContaining({ row: 2, code: "forbidden" })]);
    expect((await find("Ny Nätverk"))[0]?.industry).toBe("Nätverk");
    expect((await find("My Mekanik"))[0]?.industry).toBe("Fordon");
  });
});
