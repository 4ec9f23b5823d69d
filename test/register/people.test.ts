import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("people in the register [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  const create = (payload: object) => api.call({ method: "POST", url: "/api/people", payload });

  it("greets a person by the preferred given name from the population register's marking", async () => {
    const stig = await create({ givenNames: "Karl Stig Emanuel", surname: "Berg", preferredNameMarking: "20" });
    expect(stig.status).toBe(201);
    expect(stig.body).toMatchObject({ greetingName: "Stig", greetingUncertain: false, preferredNameMarking: "20" });

    const karl = await create({ givenNames: "KARL STIG EMANUEL", surname: "LINDQVIST", preferredNameMarking: 10 });
    expect(karl.body).toMatchObject({
      givenNames: "Karl Stig Emanuel",
      surname: "Lindqvist",
      greetingName: "Karl",
      greetingUncertain: false,
    });

    const hyphen = await create({ givenNames: "Anna-Karin Maria", surname: "Ek", preferredNameMarking: "12" });
    expect(hyphen.body.greetingName).toBe("Anna-Karin");

    const unmarked = await create({ givenNames: "Lars Erik", surname: "Holm" });
    expect(unmarked.body).toMatchObject({ greetingName: "Lars", greetingUncertain: true });

    const chosen = await api.call({
      method: "PATCH",
      url: `/api/people/${unmarked.body.id}`,
      payload: { preferredGivenName: "Erik" },
    });
    expect(chosen.body).toMatchObject({ greetingName: "Erik", greetingUncertain: false, preferredNameParts: [2] });
  });

  it("normalises identifiers and contact points on the way in", async () => {
    const person = await create({
      givenNames: "  maria   eriksson ",
      surname: "von  essen",
      personnummer: "121212-1212",
      emails: [{ address: "Maria.Eriksson@Example.SE" }],
      phones: [{ number: "070-123 45 67" }],
      address: {
        street: "Storgatan 1",
        careOf: "c/o Svensson",
        apartment: "lgh 1102",
        postalCode: "11122",
        city: "stockholm",
      },
    });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({
      givenNames: "Maria Eriksson",
      surname: "von Essen",
      // Ten digits with "-": the century that makes the person younger than 100.
      personnummer: "201212121212",
      personnummerKind: "personnummer",
      birthDate: "2012-12-12",
    });
    expect(person.body.emails[0]).toMatchObject({ address: "Maria.Eriksson@example.se", isPrimary: true });
    expect(person.body.phones[0]).toMatchObject({ e164: "+46701234567", type: "mobile" });
    expect(person.body.addresses[0]).toMatchObject({
      street: "Storgatan 1",
      careOf: "Svensson",
      apartment: "1102",
      postalCode: "111 22",
      city: "Stockholm",
      validTo: null,
    });
  });

  it("names every field at fault in one problem+json response", async () => {
    const bad = await create({
      givenNames: "Per",
      surname: "Ek",
      personnummer: "19121212-1213",
      emails: [{ address: "per@@example" }],
      phones: [{ number: "12" }],
      address: { street: "Gatan 1", postalCode: "01234", city: "Ort" },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.body.code).toBe("validation_failed");
    const fields = Object.fromEntries(
      bad.body.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    );
    expect(fields).toMatchObject({
      personnummer: "invalid_checksum",
      "emails.0.address": "invalid_email",
      "phones.0.number": "invalid_phone",
      "address.postalCode": "invalid_postnummer",
    });
    const listed = await api.call({ url: "/api/people?q=Ek" });
    expect(listed.body.items.some((item: { givenNames: string }) => item.givenNames === "Per")).toBe(false);
  });

  it("refuses a second person with the same personnummer, pointing at the first", async () => {
    const first = await create({ givenNames: "Eva", surname: "Nord", personnummer: "199001012385" });
    expect(first.status).toBe(201);
    const second = await create({ givenNames: "Eva", surname: "Nordin", personnummer: "900101-2385" });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: "conflict",
      existingId: first.body.id,
      errors: [{ field: "personnummer", code: "duplicate" }],
    });
  });

  it("keeps the address history when a person moves, and says where each value came from", async () => {
    const person = await create({
      givenNames: "Olle",
      surname: "Stråhle",
      address: { street: "Kyrkvägen 3", postalCode: "752 36", city: "Uppsala" },
      source: { system: "webshop", externalId: "C-1001", receivedAt: "2025-12-02T10:00:00Z" },
    });
    expect(person.body.addresses[0].source).toEqual({
      system: "webshop",
      externalId: "C-1001",
      receivedAt: "2025-12-02T10:00:00.000Z",
    });
    expect(person.body.lineage.surname.system).toBe("webshop");
    const moved = await api.call({
      method: "POST",
      url: `/api/people/${person.body.id}/addresses`,
      payload: {
        street: "Björkvägen 9",
        postalCode: "90326",
        city: "Umeå",
        validFrom: "2026-01-01T09:00:00Z",
        source: { system: "folkbokforing" },
      },
    });
    expect(moved.status).toBe(201);
    const after = await api.call({ url: `/api/people/${person.body.id}` });
    expect(after.body.addresses).toHaveLength(2);
    const [current, previous] = after.body.addresses;
    expect(current).toMatchObject({
      city: "Umeå",
      postalCode: "903 26",
      validTo: null,
      source: { system: "folkbokforing" },
    });
    expect(previous).toMatchObject({ city: "Uppsala", validTo: "2026-01-01T09:00:00.000Z" });
    const early = await api.call({
      method: "POST",
      url: `/api/people/${person.body.id}/addresses`,
      payload: { street: "Gamla vägen 1", city: "Luleå", validFrom: "2020-01-01T00:00:00Z" },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe("validFrom");
  });

  it("keeps the consent history and reports the current decision per purpose and channel", async () => {
    const person = await create({ givenNames: "Sara", surname: "Lind" });
    const url = `/api/people/${person.body.id}/consents`;
    await api.call({
      method: "POST",
      url,
      payload: { purpose: "marketing", channel: "email", status: "granted", source: { system: "form" } },
    });
    await api.call({ method: "POST", url, payload: { purpose: "marketing", channel: "sms", status: "granted" } });
    await api.call({ method: "POST", url, payload: { purpose: "marketing", channel: "email", status: "withdrawn" } });
    await api.call({
      method: "PUT",
      url: `/api/people/${person.body.id}/channel-preferences`,
      payload: { topic: "orders", channel: "sms", window: { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" } },
    });
    const after = await api.call({ url: `/api/people/${person.body.id}` });
    const consents = Object.fromEntries(
      after.body.consents.map((c: { channel: string; status: string }) => [c.channel, c.status]),
    );
    expect(consents).toEqual({ email: "withdrawn", sms: "granted" });
    expect(after.body.channelPreferences).toEqual([
      expect.objectContaining({
        topic: "orders",
        channel: "sms",
        window: { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" },
        // Set with an API key and no source: the API is where it came from.
        source: expect.objectContaining({ system: "api", externalId: null }),
      }),
    ]);
    // A preference the customer gave in the web shop says so.
    await api.call({
      method: "PUT",
      url: `/api/people/${person.body.id}/channel-preferences`,
      payload: {
        topic: "orders",
        channel: "email",
        source: { system: "webbutik", externalId: "profil-17", receivedAt: "2025-12-02T10:00:00Z" },
      },
    });
    const told = await api.call({ url: `/api/people/${person.body.id}` });
    expect(told.body.channelPreferences[0]).toMatchObject({
      channel: "email",
      source: { system: "webbutik", externalId: "profil-17", receivedAt: "2025-12-02T10:00:00.000Z" },
    });

    const backwards = await api.call({
      method: "PUT",
      url: `/api/people/${person.body.id}/channel-preferences`,
      payload: { topic: "offers", channel: "phone", window: { days: [1], from: "17:00", to: "09:00" } },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: "window.to", code: "before_start" })]);

    const removed = await api.call({
      method: "DELETE",
      url: `/api/people/${person.body.id}/channel-preferences/orders`,
    });
    expect(removed.status).toBe(204);
    expect((await api.call({ url: `/api/people/${person.body.id}` })).body.channelPreferences).toEqual([]);
    const again = await api.call({ method: "DELETE", url: `/api/people/${person.body.id}/channel-preferences/orders` });
    expect(again.status).toBe(404);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: "topic", code: "not_found" })]);
  });

  it("validates typed custom attributes and filters on them", async () => {
    const define = (payload: object) => api.call({ method: "POST", url: "/api/custom-attributes", payload });
    expect(
      (
        await define({
          entity: "person",
          key: "tier",
          label: "Nivå",
          type: "choice",
          choices: ["brons", "silver", "guld"],
        })
      ).status,
    ).toBe(201);
    expect((await define({ entity: "person", key: "spend", label: "Köpt för", type: "kronor" })).status).toBe(201);
    expect((await define({ entity: "person", key: "tier", label: "Again", type: "text" })).status).toBe(409);
    const gold = await create({
      givenNames: "Gunnel",
      surname: "Guldsson",
      custom: { tier: "guld", spend: "12 500,50 kr" },
    });
    expect(gold.body.custom).toEqual({ tier: "guld", spend: 12500.5 });
    await create({ givenNames: "Sven", surname: "Silversson", custom: { tier: "silver", spend: 900 } });
    const wrong = await create({ givenNames: "X", surname: "Y", custom: { tier: "platina", unknown: 1 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "custom.tier",
      "custom.unknown",
    ]);
    const rich = await api.call({ url: "/api/people?filter=custom.spend:gt:1000" });
    expect(rich.body.items.map((item: { surname: string }) => item.surname)).toEqual(["Guldsson"]);
    const goldOnly = await api.call({ url: "/api/people?filter=custom.tier:eq:guld" });
    expect(goldOnly.body.items).toHaveLength(1);
    const badFilter = await api.call({ url: "/api/people?filter=custom.nothing:eq:1" });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].field).toBe("filters.0.field");
  });

  it("finds people by name prefix, a misspelt name, e-mail, phone, personnummer and employer", async () => {
    const person = await create({
      givenNames: "Birgitta",
      surname: "Åkerlund",
      personnummer: "19800101-0019",
      emails: [{ address: "birgitta@akerlund.se" }],
      phones: [{ number: "+46 8 123 456 78" }],
    });
    const org = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Norrlands Trä AB" } });
    await api.call({
      method: "POST",
      url: "/api/roles",
      payload: { personId: person.body.id, organizationId: org.body.id, title: "VD" },
    });
    const ids = async (q: string) =>
      (await api.call({ url: `/api/people?q=${encodeURIComponent(q)}` })).body.items.map(
        (item: { id: string }) => item.id,
      );
    for (const q of [
      "birg åker",
      "Akerlund",
      "Åkerlunt",
      "birgitta@akerlund.se",
      "08-123 456 78",
      "800101-0019",
      "norrlands",
    ]) {
      expect(await ids(q), q).toContain(person.body.id);
    }
    expect(await ids("Zyxwvut")).toEqual([]);
  });

  it("finds a person by the start of an e-mail address without its @, and by name when no address starts so", async () => {
    const ingvar = await create({
      givenNames: "Ingvar",
      surname: "Arvidsson",
      emails: [{ address: "ingvar.arvidsson100@mail.example" }],
    });
    const viktoria = await create({
      givenNames: "Viktoria",
      surname: "Arvidsson",
      emails: [{ address: "viktoria.arvidsson58@mail.example" }],
    });
    const ids = async (q: string) =>
      (await api.call({ url: `/api/people?q=${encodeURIComponent(q)}` })).body.items.map(
        (item: { id: string }) => item.id,
      );
    // Before, the dotted address was searched as names and Viktoria came first.
    expect(await ids("ingvar.arvidsson100")).toEqual([ingvar.body.id]);
    expect(await ids("Viktoria.Arv")).toEqual([viktoria.body.id]);
    // No address starts "arvidsson.": the words are searched as names.
    expect(await ids("arvidsson.viktoria")).toContain(viktoria.body.id);
  });

  it("puts people with exactly the words searched for before other spellings, and pages through both", async () => {
    const exact = [];
    for (let i = 0; i < 3; i++) exact.push((await create({ givenNames: "Ulrik", surname: "Wennerholm" })).body.id);
    const prefixed = (await create({ givenNames: "Ulrika", surname: "Wennerholm" })).body.id;
    const misspelt = (await create({ givenNames: "Ulrik", surname: "Wenerholm" })).body.id;
    await create({ givenNames: "Ulrik", surname: "Andersson" });
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/people?q=${encodeURIComponent("ulrik wennerholm")}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await api.call({ url: query });
      pages.push(page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = pages.flat();
    expect(all.slice(0, 3).sort()).toEqual([...exact].sort());
    expect(all.slice(3).sort()).toEqual([prefixed, misspelt].sort());
  });

  it("pages through a list with a cursor, without repeats or gaps", async () => {
    for (let index = 0; index < 7; index++) await create({ givenNames: `Page${index}`, surname: "Paginasson" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.call({
        url: `/api/people?q=Paginasson&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      });
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("lets a read-only user look but not touch, and audits every write", async () => {
    const reader = await api.keyFor("read_only");
    const person = await create({ givenNames: "Ingrid", surname: "Ek" });
    expect((await api.call({ url: `/api/people/${person.body.id}`, key: reader.key })).status).toBe(200);
    const denied = await api.call({
      method: "PATCH",
      url: `/api/people/${person.body.id}`,
      key: reader.key,
      payload: { surname: "Ekström" },
    });
    expect(denied.status).toBe(403);
    await api.call({ method: "PATCH", url: `/api/people/${person.body.id}`, payload: { surname: "Ekström" } });
    const audit = await api.call({ url: `/api/audit-log?entity=person&entityId=${person.body.id}` });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      "person.update",
      "person.create",
    ]);
    expect(audit.body.items[0].before.surname).toBe("Ek");
    expect(audit.body.items[0].after.surname).toBe("Ekström");
  });

  it("filters on the town by its beginning, with or without å, ä and ö", async () => {
    const holm = await create({
      givenNames: "Tora",
      surname: "Stadsbo",
      address: { street: "Götgatan 1", postalCode: "11621", city: "Stockholm" },
    });
    const gbg = await create({
      givenNames: "Tore",
      surname: "Stadsbo",
      address: { street: "Avenyn 1", postalCode: "41136", city: "Göteborg" },
    });
    const town = async (city: string) =>
      (await api.call({ url: `/api/people?q=Stadsbo&city=${encodeURIComponent(city)}` })).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await town("stock")).toEqual([holm.body.id]);
    expect(await town("Goteborg")).toEqual([gbg.body.id]);
    expect(await town("göte")).toEqual([gbg.body.id]);
    expect(await town("%")).toEqual([]);
  });

  it("writes nothing, and audits nothing, for a change that names no field", async () => {
    const person = await create({ givenNames: "Nils", surname: "Ingenting" });
    const audit = async () =>
      (await api.call({ url: `/api/audit-log?entityId=${person.body.id}` })).body.items.length as number;
    const entries = await audit();
    const patched = await api.call({ method: "PATCH", url: `/api/people/${person.body.id}`, payload: {} });
    expect(patched.status).toBe(200);
    expect(patched.body.updatedAt).toBe(person.body.updatedAt);
    expect(await audit()).toBe(entries);
  });
});
