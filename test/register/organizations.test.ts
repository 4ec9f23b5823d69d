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
});
