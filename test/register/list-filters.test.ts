import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

interface Item {
  id: string;
  givenNames: string;
  surname: string;
}

describe.each(STORE_KINDS)("searching, filtering and exporting lists [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  const createPerson = async (payload: object): Promise<string> => {
    const response = await api.call({ method: "POST", url: "/api/people", payload });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  };
  const createOrganization = async (payload: object): Promise<string> => {
    const response = await api.call({ method: "POST", url: "/api/organizations", payload });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  };
  const employ = (personId: string, organizationId: string) =>
    api.call({ method: "POST", url: "/api/roles", payload: { personId, organizationId, title: "Anställd" } });
  const list = async (url: string): Promise<string[]> => {
    const response = await api.call({ url });
    expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body.items.map((item: Item) => item.id);
  };
  /** Every page of a list, following nextCursor. */
  const allPages = async (url: string): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: Item[]; nextCursor: string | null } } = await api.call({
        url: `${url}${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return { ids, pages };
  };
  /** The lanthandelId column of a CSV export, or the problem when it is refused. */
  const exportIds = async (url: string) => {
    const response = await api.call({ url });
    if (response.status !== 200) return { status: response.status, body: response.body, ids: [] as string[] };
    const lines = response.raw
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n")
      .slice(1);
    return { status: 200, body: null, ids: lines.map((line) => line.split(",")[0] as string) };
  };
  const sorted = (ids: string[]) => [...ids].sort();

  it("pages through a name search with every matching person exactly once, in the order of one long page", async () => {
    // "Eri…" as given name, as surname, both, and as employer: people found by different words,
    // several of them by more than one, with many sharing a word: more than one page per word.
    const erik = await createOrganization({ name: "Eriksbergs Varv AB" });
    const matching: string[] = [];
    for (const given of ["Erik", "Erika", "Eric", "Anna", "Lars", "Maria"]) {
      for (const surname of ["Eriksson", "Ericsson", "Berg", "Erixon", "Holm", "Lind"]) {
        const id = await createPerson({ givenNames: given, surname });
        if (given.startsWith("Eri") || surname.startsWith("Eri")) matching.push(id);
      }
    }
    for (const given of ["Olle", "Stina", "Gun"]) {
      const id = await createPerson({ givenNames: given, surname: "Svensson" });
      await employ(id, erik);
      matching.push(id);
    }
    expect(matching.length).toBeGreaterThanOrEqual(30);

    for (const q of ["eri", "Erik", "eriksson", "eri berg", "erik eriksson"]) {
      const whole = await list(`/api/people?q=${encodeURIComponent(q)}&limit=500`);
      for (const limit of [1, 2, 7]) {
        const { ids, pages } = await allPages(`/api/people?q=${encodeURIComponent(q)}&limit=${limit}`);
        expect(new Set(ids).size, `${q} limit ${limit}: no repeats`).toBe(ids.length);
        expect(ids, `${q} limit ${limit}: the pages are the long page cut up`).toEqual(whole);
        expect(pages).toBe(Math.max(1, Math.ceil(whole.length / limit)));
      }
      if (q === "eri") expect(sorted(whole)).toEqual(sorted(matching));
    }
  });

  it("pages exactly through a search combined with a filter", async () => {
    const leads: string[] = [];
    for (let index = 0; index < 12; index++) {
      const stage = index % 3 === 0 ? "customer" : "lead";
      const id = await createPerson({
        givenNames: `Sigrid${"abcdefghijkl"[index]}`,
        surname: "Tornqvist",
        lifecycleStage: stage,
      });
      if (stage === "lead") leads.push(id);
    }
    const { ids } = await allPages("/api/people?q=sigr&lifecycleStage=lead&limit=3");
    expect(sorted(ids)).toEqual(sorted(leads));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("finds no one for a query without letters or digits, and finds people by their employer's full name", async () => {
    await createPerson({ givenNames: "Quentin", surname: "Quist" });
    for (const q of ["%", "*", "'", '"', "%%", " * "]) {
      const response = await api.call({ url: `/api/people?q=${encodeURIComponent(q)}` });
      expect(response.status, q).toBe(200);
      expect(response.body.items, q).toEqual([]);
      expect((await api.call({ url: `/api/organizations?q=${encodeURIComponent(q)}` })).body.items, q).toEqual([]);
    }
    const brewery = await createOrganization({ name: "Bryggeriet i Visby AB", organisationsnummer: "556348-8229" });
    const brewers = [];
    for (const given of ["Ulla", "Gösta"]) {
      const id = await createPerson({ givenNames: given, surname: "Gotländing" });
      await employ(id, brewery);
      brewers.push(id);
    }
    for (const q of ["Bryggeriet i Visby", "Bryggeriet i Visby AB", "bryggeriet visby ab"]) {
      expect(sorted(await list(`/api/people?q=${encodeURIComponent(q)}`)), q).toEqual(sorted(brewers));
    }
    for (const q of ["SE556348822901", "se 5563488229 01", "556348-8229", "Bryggeriet i Visby AB"]) {
      expect(await list(`/api/organizations?q=${encodeURIComponent(q)}`), q).toEqual([brewery]);
    }
  });

  it("exports exactly the list's filters, and refuses a parameter it does not know", async () => {
    const { userId } = await api.keyFor("sales");
    const company = await createOrganization({ name: "Exportbolaget Norr AB" });
    const owned: string[] = [];
    const staff: string[] = [];
    for (let index = 0; index < 4; index++) {
      owned.push(await createPerson({ givenNames: `Ägd${index}`, surname: "Exportsson", ownerId: userId }));
      const worker = await createPerson({ givenNames: `Anställd${index}`, surname: "Exportsson" });
      await employ(worker, company);
      staff.push(worker);
    }
    await createPerson({ givenNames: "Övrig", surname: "Exportsson", lifecycleStage: "lead" });

    for (const [query, expected] of [
      [`ownerId=${userId}`, owned],
      [`organizationId=${company}`, staff],
      [`filter=ownerId:eq:${userId}`, owned],
    ] as const) {
      expect(sorted(await list(`/api/people?${query}&limit=500`)), query).toEqual(sorted(expected));
      const exported = await exportIds(`/api/people/export.csv?${query}`);
      expect(exported.status, query).toBe(200);
      expect(sorted(exported.ids), query).toEqual(sorted(expected));
    }

    for (const [url, parameter] of [
      ["/api/people/export.csv?lifecyclestage=lead", "lifecyclestage"],
      ["/api/people?lifecyclestage=lead", "lifecyclestage"],
      ["/api/people/export.csv?q=Exportsson&owner=me", "owner"],
      ["/api/organizations/export.csv?lifecycleStage=lead", "lifecycleStage"],
      ["/api/organizations?lifecycleStage=lead", "lifecycleStage"],
      ["/api/people/export.csv?limit=10", "limit"],
    ] as const) {
      const refused = await exportIds(url);
      expect(refused.status, url).toBe(400);
      expect(refused.body.code, url).toBe("validation_failed");
      expect(refused.body.errors, url).toContainEqual(
        expect.objectContaining({ field: `querystring.${parameter}`, code: "unknown_field" }),
      );
    }
    const badFilter = await exportIds("/api/people/export.csv?filter=custom.nothing:eq:1");
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0]).toMatchObject({ field: "filters.0.field", code: "unknown_attribute" });
  });

  it("filters and exports organisations on custom attributes and built-in fields, and refuses unknown ones", async () => {
    const define = await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: {
        entity: "organization",
        key: "niva",
        label: "Nivå",
        type: "choice",
        choices: ["Guld", "Silver", "Brons"],
      },
    });
    expect(define.status).toBe(201);
    const gold = await createOrganization({ name: "Guldgruvan Nivåtest AB", custom: { niva: "Guld" }, employees: 120 });
    const silver = await createOrganization({
      name: "Silverskeden Nivåtest AB",
      custom: { niva: "Silver" },
      employees: 8,
    });
    const none = await createOrganization({ name: "Ingenting Nivåtest AB" });
    const tested = [gold, silver, none];
    const inTest = (ids: string[]) => ids.filter((id) => tested.includes(id));

    expect(await list("/api/organizations?filter=custom.niva:eq:Guld&limit=500")).toEqual([gold]);
    expect(sorted(inTest(await list("/api/organizations?filter=custom.niva:ne:Guld&limit=500")))).toEqual(
      sorted([silver, none]),
    );
    expect(inTest(await list("/api/organizations?filter=employees:gt:100&limit=500"))).toEqual([gold]);
    expect(inTest(await list("/api/organizations?q=Nivåtest&filter=custom.niva:empty&limit=500"))).toEqual([none]);
    expect((await exportIds("/api/organizations/export.csv?filter=custom.niva:eq:Guld")).ids).toEqual([gold]);

    for (const [filter, field] of [
      ["bogus:eq:1", "filters.0.field"],
      ["name:zz:1", "filters.0.op"],
      ["custom.okand:eq:1", "filters.0.field"],
      ["employees:gt:many", "filters.0.value"],
    ]) {
      for (const url of [`/api/organizations?filter=${filter}`, `/api/organizations/export.csv?filter=${filter}`]) {
        const refused = await api.call({ url });
        expect(refused.status, url).toBe(400);
        expect(
          refused.body.errors.map((error: { field: string }) => error.field),
          url,
        ).toContain(field);
      }
    }
  });

  it("counts records without a value as different for ne and not_contains", async () => {
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "niva", label: "Nivå", type: "choice", choices: ["Guld", "Silver", "Brons"] },
    });
    const gold = await createPerson({ givenNames: "Greta", surname: "Nivåsson", custom: { niva: "Guld" } });
    const silver = await createPerson({ givenNames: "Sixten", surname: "Nivåsson", custom: { niva: "Silver" } });
    const none = await createPerson({ givenNames: "Nils", surname: "Nivåsson" });
    const q = "q=Nivasson";
    expect(sorted(await list(`/api/people?${q}&filter=custom.niva:ne:Guld`))).toEqual(sorted([silver, none]));
    expect(sorted(await list(`/api/people?${q}&filter=custom.niva:not_contains:uld`))).toEqual(sorted([silver, none]));
    expect(await list(`/api/people?${q}&filter=custom.niva:eq:guld`)).toEqual([gold]);
    expect(sorted((await exportIds(`/api/people/export.csv?${q}&filter=custom.niva:ne:Guld`)).ids)).toEqual(
      sorted([silver, none]),
    );
  });

  it("filters people on lifecycle stage, owner, personnummer, birth date, language, dates and consent", async () => {
    const { userId } = await api.keyFor("sales");
    const lead = await createPerson({
      givenNames: "Lena",
      surname: "Filtrerud",
      lifecycleStage: "lead",
      personnummer: "19800101-0019",
      language: "en",
      ownerId: userId,
    });
    const customer = await createPerson({ givenNames: "Kurt", surname: "Filtrerud", lifecycleStage: "customer" });
    const old = await createPerson({ givenNames: "Olga", surname: "Filtrerud", birthDate: "1950-06-01" });
    const all = [lead, customer, old];
    const q = "q=Filtrerud";
    const cases: Array<[string, string[]]> = [
      ["filter=lifecycleStage:eq:lead", [lead]],
      ["filter=lifecycleStage:ne:lead", [customer, old]],
      [`filter=ownerId:eq:${userId}`, [lead]],
      [`filter=ownerId:ne:${userId}`, [customer, old]],
      ["filter=personnummer:not_empty", [lead]],
      ["filter=personnummer:empty", [customer, old]],
      ["filter=birthDate:lt:1960-01-01", [old]],
      ["filter=language:eq:en", [lead]],
      ["filter=createdAt:gte:2000-01-01", all],
      ["filter=createdAt:lt:2000-01-01", []],
      ["filter=updatedAt:gte:2000-01-01&filter=lifecycleStage:eq:customer", [customer]],
    ];
    for (const [filter, expected] of cases) {
      expect(sorted(await list(`/api/people?${q}&${filter}`)), filter).toEqual(sorted(expected));
    }

    const consent = (id: string, status: string) =>
      api.call({
        method: "POST",
        url: `/api/people/${id}/consents`,
        payload: { purpose: "marketing", channel: "email", status },
      });
    expect((await consent(lead, "granted")).status).toBe(204);
    expect((await consent(customer, "granted")).status).toBe(204);
    expect((await consent(customer, "withdrawn")).status).toBe(204);
    expect(await list(`/api/people?${q}&consent=marketing:email:granted`)).toEqual([lead]);
    expect(await list(`/api/people?${q}&consent=marketing:email:withdrawn`)).toEqual([customer]);
    expect(await list(`/api/people?${q}&consent=marketing:email:none`)).toEqual([old]);
    expect(await list(`/api/people?${q}&consent=marketing:sms:granted`)).toEqual([]);
    expect((await exportIds(`/api/people/export.csv?${q}&consent=marketing:email:granted`)).ids).toEqual([lead]);

    for (const [query, field] of [
      ["filter=lifecycleStage:eq:kund", "filters.0.value"],
      ["filter=lifecycleStage:gt:lead", "filters.0.op"],
      ["filter=personnummer:eq:198001010019", "filters.0.op"],
      ["filter=ownerId:eq:nobody", "filters.0.value"],
      ["filter=createdAt:gte:yesterday", "filters.0.value"],
      ["consent=marketing:pigeon:granted", "consents.0.channel"],
      ["consent=marketing:email:maybe", "consents.0.status"],
    ]) {
      const refused = await api.call({ url: `/api/people?${query}` });
      expect(refused.status, query).toBe(400);
      expect(
        refused.body.errors.map((error: { field: string }) => error.field),
        query,
      ).toContain(field);
    }
  });
});
