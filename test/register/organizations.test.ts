import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("organisations [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  const create = (payload: object) => api.call({ method: "POST", url: "/api/organizations", payload });

  it("validates the organisationsnummer, decodes the group digit and derives the VAT number", async () => {
    const org = await create({
      name: "  Exempelbolaget   AB ",
      organisationsnummer: "5560360793",
      sniCode: "47.910",
      employees: 42,
      revenueSek: 12_500_000,
      website: "https://exempel.se",
      address: { street: "Industrigatan 4", postalCode: "41104", city: "Göteborg" },
    });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({
      name: "Exempelbolaget AB",
      organisationsnummer: "5560360793",
      groupDigit: 5,
      legalForm: "Aktiebolag",
      vatNumber: "SE556036079301",
    });
    expect(org.body.addresses[0]).toMatchObject({ kind: "visiting", postalCode: "411 04", city: "Göteborg" });
    const badNumber = await create({ name: "Fel AB", organisationsnummer: "556036-0794" });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.errors).toEqual([
      expect.objectContaining({ field: "organisationsnummer", code: "invalid_checksum" }),
    ]);
    const badSite = await create({ name: "Fel AB", website: "ftp://x" });
    expect(badSite.body.errors).toEqual([expect.objectContaining({ field: "website" })]);
    const spaced = await create({ name: "Fel AB", website: "inte en adress" });
    expect(spaced.body.errors).toEqual([expect.objectContaining({ field: "website" })]);
    // As people type it: the address is kept as https.
    const bare = await create({ name: "Hemsidan AB", website: "hemsidan.se/om-oss" });
    expect(bare.status).toBe(201);
    expect(bare.body.website).toBe("https://hemsidan.se/om-oss");
    // A misspelt field is refused by name, not dropped: the number would otherwise be lost.
    const misspelt = await create({ name: "Stavfel AB", organizationNumber: "556036-0793" });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors).toEqual([
      expect.objectContaining({ field: "organizationNumber", code: "unknown_field" }),
    ]);
    const duplicate = await create({ name: "Samma", organisationsnummer: "556036-0793" });
    expect(duplicate.status).toBe(409);
  });

  it("links people through roles, one primary contact at a time, and keeps group structure acyclic", async () => {
    const parent = await create({ name: "Koncernen AB" });
    const child = await create({ name: "Dotterbolaget AB", parentId: parent.body.id });
    const anna = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Anna", surname: "Ström" },
    });
    const bo = await api.call({ method: "POST", url: "/api/people", payload: { givenNames: "Bo", surname: "Ström" } });
    const role = (personId: string, organizationId: string, isPrimaryContact: boolean) =>
      api.call({
        method: "POST",
        url: "/api/roles",
        payload: { personId, organizationId, title: "Inköpare", isPrimaryContact },
      });
    expect((await role(anna.body.id, child.body.id, true)).status).toBe(201);
    expect((await role(bo.body.id, child.body.id, true)).status).toBe(201);
    expect((await role(anna.body.id, parent.body.id, false)).status).toBe(201);
    expect((await role(anna.body.id, parent.body.id, false)).status).toBe(409);

    const detail = await api.call({ url: `/api/organizations/${child.body.id}` });
    expect(detail.body.parent).toEqual({ id: parent.body.id, name: "Koncernen AB" });
    const primary = detail.body.roles.filter((r: { isPrimaryContact: boolean }) => r.isPrimaryContact);
    expect(primary.map((r: { personName: string }) => r.personName)).toEqual(["Bo Ström"]);
    const annaView = await api.call({ url: `/api/people/${anna.body.id}` });
    expect(annaView.body.roles.map((r: { organizationName: string }) => r.organizationName).sort()).toEqual([
      "Dotterbolaget AB",
      "Koncernen AB",
    ]);

    const cycle = await api.call({
      method: "PATCH",
      url: `/api/organizations/${parent.body.id}`,
      payload: { parentId: child.body.id },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0]).toMatchObject({ field: "parentId", code: "cycle" });

    const list = await api.call({ url: "/api/organizations?q=dotterbolaget" });
    expect(list.body.items[0]).toMatchObject({ name: "Dotterbolaget AB", people: 2 });
  });

  it("finds people by their employer's name but not by its legal form", async () => {
    const company = await create({ name: "Brattby Bygg AB" });
    const worker = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Kalle", surname: "Strand" },
    });
    const abraham = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Abraham", surname: "Strand" },
    });
    const role = await api.call({
      method: "POST",
      url: "/api/roles",
      payload: { personId: worker.body.id, organizationId: company.body.id, title: "Snickare" },
    });
    expect(role.status).toBe(201);
    const byEmployer = await api.call({ url: "/api/people?q=Brattby" });
    expect(byEmployer.body.items.map((item: { id: string }) => item.id)).toEqual([worker.body.id]);
    const byName = await api.call({ url: "/api/people?q=Abra" });
    expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([abraham.body.id]);
  });

  it("takes the organisationsnummer as people type it, and refuses a sole trader's personnummer for an AB", async () => {
    const typed = await create({ name: "Skrivsätt AB", organisationsnummer: "16556677-8899" });
    expect(typed.status).toBe(201);
    expect(typed.body).toMatchObject({ organisationsnummer: "5566778899", vatNumber: "SE556677889901" });
    for (const number of ["556677-8899", "5566778899", "165566778899"]) {
      const again = await create({ name: "Samma bolag AB", organisationsnummer: number });
      expect(again.body.errors, number).toEqual([
        expect.objectContaining({ field: "organisationsnummer", code: "duplicate" }),
      ]);
    }
    // An enskild firma's number is the owner's personnummer; a company called "… AB" cannot have one.
    const personAsCompany = await create({ name: "Pelle Persson AB", organisationsnummer: "750101-1238" });
    expect(personAsCompany.status).toBe(400);
    expect(personAsCompany.headers["content-type"]).toContain("application/problem+json");
    expect(personAsCompany.body.errors).toEqual([
      expect.objectContaining({ field: "organisationsnummer", code: "contradicts_name" }),
    ]);
    const wrongForm = await create({ name: "Pelle och Stina HB", organisationsnummer: "5566770052" });
    expect(wrongForm.body.errors).toEqual([
      expect.objectContaining({ field: "organisationsnummer", code: "contradicts_name" }),
    ]);
    const soleTrader = await create({ name: "Pelle Perssons Måleri", organisationsnummer: "19750101-1238" });
    expect(soleTrader.status).toBe(201);
    expect(soleTrader.body).toMatchObject({
      organisationsnummer: "7501011238",
      legalForm: "Enskild firma",
      vatNumber: "SE750101123801",
    });
    // Renaming it to an AB without a new number is refused too; the record is left as it was.
    const renamed = await api.call({
      method: "PATCH",
      url: `/api/organizations/${soleTrader.body.id}`,
      payload: { name: "Pelle Persson Måleri AB" },
    });
    expect(renamed.body.errors).toEqual([
      expect.objectContaining({ field: "organisationsnummer", code: "contradicts_name" }),
    ]);
    expect((await api.call({ url: `/api/organizations/${soleTrader.body.id}` })).body.name).toBe(
      "Pelle Perssons Måleri",
    );
  });

  it("keeps an SNI code one way however it is typed, so the list finds it by any spelling", async () => {
    const dotted = await create({ name: "Kodarna AB", sniCode: "62.010" });
    const plain = await create({ name: "Konsulterna AB", sniCode: "62010" });
    const spaced = await create({ name: "Utvecklarna AB", sniCode: "62 010" });
    expect([dotted.body.sniCode, plain.body.sniCode, spaced.body.sniCode]).toEqual(["62.010", "62.010", "62.010"]);
    for (const sniCode of ["62010", "62.01", "6201"]) {
      const listed = await api.call({ url: `/api/organizations?sniCode=${encodeURIComponent(sniCode)}` });
      expect(listed.body.items.map((item: { name: string }) => item.name).sort(), sniCode).toEqual([
        "Kodarna AB",
        "Konsulterna AB",
        "Utvecklarna AB",
      ]);
    }
    const unknown = await create({ name: "Koden AB", sniCode: "04110" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "sniCode", code: "unknown_division" })]);
  });

  it("names the field of every fault in a company's facts, and stores none of them", async () => {
    const faults = await create({
      name: "Felen AB",
      organisationsnummer: "5566770045",
      vatNumber: "SE556677889901",
      website: "felen",
    });
    expect(faults.status).toBe(400);
    expect(faults.body.errors).toEqual([
      expect.objectContaining({ field: "vatNumber", code: "contradicts_organisationsnummer" }),
      expect.objectContaining({ field: "website", code: "invalid_url" }),
    ]);
    const negative = await create({ name: "Felen AB", employees: -5 });
    expect(negative.body.errors).toEqual([expect.objectContaining({ field: "employees", code: "too_small" })]);
    const listed = await api.call({ url: "/api/organizations?q=Felen" });
    expect(listed.body.items).toEqual([]);
  });

  it("lists a whole group, subsidiaries at any depth, and exports the same rows", async () => {
    const top = await create({ name: "Moderbolaget Holding AB" });
    const middle = await create({ name: "Mellanbolaget AB", parentId: top.body.id });
    const bottom = await create({ name: "Barnbarnsbolaget AB", parentId: middle.body.id });
    await create({ name: "Fristående AB" });
    const group = await api.call({ url: `/api/organizations?groupId=${top.body.id}` });
    expect(group.status).toBe(200);
    expect(group.body.items.map((item: { name: string }) => item.name)).toEqual([
      "Barnbarnsbolaget AB",
      "Mellanbolaget AB",
      "Moderbolaget Holding AB",
    ]);
    const branch = await api.call({ url: `/api/organizations?groupId=${middle.body.id}` });
    expect(branch.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [middle.body.id, bottom.body.id].sort(),
    );
    const csv = await api.app.inject({
      url: `/api/organizations/export.csv?groupId=${top.body.id}`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(
      csv.body
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[1]),
    ).toEqual(["Barnbarnsbolaget AB", "Mellanbolaget AB", "Moderbolaget Holding AB"]);
  });

  it("finds a company by its industry, as the search box offers, and by its name with or without AB", async () => {
    await create({ name: "Gotlands Malteri AB", industry: "Bryggeri och mälteri" });
    await create({ name: "Sundets Revision AB", industry: "Redovisning" });
    const names = async (q: string) =>
      (await api.call({ url: `/api/organizations?q=${encodeURIComponent(q)}` })).body.items.map(
        (item: { name: string }) => item.name,
      );
    expect(await names("mälteri")).toEqual(["Gotlands Malteri AB"]);
    expect(await names("redovisning")).toEqual(["Sundets Revision AB"]);
    expect(await names("Sundets Revision")).toEqual(["Sundets Revision AB"]);
    expect(await names("Sundets Revision AB")).toEqual(["Sundets Revision AB"]);
    await create({ name: "Kodsmedjan AB", sniCode: "62020" });
    expect(await names("62.02")).toEqual(["Kodsmedjan AB"]);
  });

  it("orders the list by a chosen column, empty values last, and pages through it", async () => {
    for (const [name, employees, revenueSek] of [
      ["Sortera Liten AB", 3, 2_000_000],
      ["Sortera Stor AB", 900, 750_000_000],
      ["Sortera Mellan AB", 45, null],
      ["Sortera Okänd AB", null, 10_000_000],
    ] as const) {
      expect((await create({ name, employees, revenueSek })).status).toBe(201);
    }
    const names = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ name: string }>; nextCursor: string | null } } = await api.call({
          url: `/api/organizations?q=Sortera&limit=3${query}${cursor ? `&cursor=${cursor}` : ""}`,
        });
        seen.push(...page.body.items.map((item) => item.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await names("&sort=-employees")).toEqual([
      "Sortera Stor AB",
      "Sortera Mellan AB",
      "Sortera Liten AB",
      "Sortera Okänd AB",
    ]);
    expect(await names("&sort=revenueSek")).toEqual([
      "Sortera Liten AB",
      "Sortera Okänd AB",
      "Sortera Stor AB",
      "Sortera Mellan AB",
    ]);
    const unknown = await api.call({ url: "/api/organizations?sort=size" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "querystring.sort" })]);
  });

  it("refuses the second of two changes made at once that together would make a loop of parents", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await create({ name: `Loop A${round} AB` });
      const b = await create({ name: `Loop B${round} AB` });
      const [first, second] = await Promise.all([
        api.call({ method: "PATCH", url: `/api/organizations/${a.body.id}`, payload: { parentId: b.body.id } }),
        api.call({ method: "PATCH", url: `/api/organizations/${b.body.id}`, payload: { parentId: a.body.id } }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 400]);
      const refused = first.status === 400 ? first : second;
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: "parentId", code: "cycle" })]);
    }
  });

  it("knows a company by the organisationsnummer in a Swedish VAT number given alone", async () => {
    const byVat = await create({ name: "Momsen AB", vatNumber: "se 556677-0060 01" });
    expect(byVat.status).toBe(201);
    expect(byVat.body).toMatchObject({
      organisationsnummer: "5566770060",
      legalForm: "Aktiebolag",
      vatNumber: "SE556677006001",
    });
    const found = await api.call({ url: "/api/organizations?q=556677-0060" });
    expect(found.body.items.map((item: { name: string }) => item.name)).toEqual(["Momsen AB"]);
    const twice = await create({ name: "Momsen igen AB", vatNumber: "SE556677006001" });
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: "vatNumber", code: "duplicate" })]);
    const foreign = await create({ name: "Dansk ApS", vatNumber: "DK12345678" });
    expect(foreign.body).toMatchObject({ organisationsnummer: null, vatNumber: "DK12345678" });
  });
});
