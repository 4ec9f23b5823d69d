import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * Input that used to slip through or end in a 500: every case now gets a problem+json naming the
 * field, and nothing is stored.
 */
describe.each(STORE_KINDS)("bad input across the API [%s]", (kind) => {
  let api: TestApi;
  let personId: string;
  const fieldsOf = (body: { errors: Array<{ field: string; code: string }> }) =>
    body.errors.map((error) => `${error.field}:${error.code}`);

  beforeAll(async () => {
    api = await openTestApi(kind);
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Stina", surname: "Ek", personnummer: "19121212-1212" },
    });
    personId = person.body.id;
  });
  afterAll(async () => api?.close());

  it("refuses dates beyond year 9999 by field, and stores nothing", async () => {
    const address = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "T", surname: "Långtframtid", address: { street: "Gatan 1", validFrom: "99999-01-01" } },
    });
    expect(address.status).toBe(400);
    expect(fieldsOf(address.body)).toEqual(["address.validFrom:too_big"]);
    const listed = await api.call({ url: "/api/people?q=Långtframtid" });
    expect(listed.body.items).toEqual([]);
    const activity = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId, kind: "call", subject: "x", occurredAt: "+275760-09-13T00:00:00Z" },
    });
    expect(activity.status).toBe(400);
    expect(fieldsOf(activity.body)).toEqual(["occurredAt:too_big"]);
    const timeline = await api.call({ url: `/api/people/${personId}/timeline?from=99999-01-01` });
    expect(timeline.status).toBe(400);
  });

  it("answers a tampered cursor with invalid_cursor", async () => {
    for (const value of [{ o: -5 }, { s: "A" }, [1, 2], "str", { o: { x: 1 } }]) {
      const cursor = Buffer.from(JSON.stringify(value)).toString("base64url");
      for (const url of [
        `/api/people?cursor=${cursor}`,
        `/api/people?q=ek&cursor=${cursor}`,
        `/api/organizations?q=ab&cursor=${cursor}`,
      ]) {
        const response = await api.call({ url });
        expect(response.status, `${url} ${JSON.stringify(value)}`).toBe(400);
        expect(fieldsOf(response.body)).toEqual(["cursor:invalid_cursor"]);
      }
    }
  });

  it("bounds an order's total when it is computed from its lines", async () => {
    const order = await api.call({
      method: "POST",
      url: "/api/orders",
      payload: { personId, lines: [{ description: "a", quantity: 1_000_000, unitPriceSek: 100_000_000 }] },
    });
    expect(order.status).toBe(400);
    expect(fieldsOf(order.body)).toEqual(["lines:custom"]);
  });

  it("names a field the endpoint does not know, on every write, instead of dropping it", async () => {
    const cases: Array<{ url: string; payload: object; field: string }> = [
      {
        url: `/api/people/${personId}/emails`,
        payload: { address: "stina@example.se", bogusField: 1 },
        field: "bogusField",
      },
      { url: `/api/people/${personId}/phones`, payload: { number: "0701234567", extra: true }, field: "extra" },
      { url: `/api/people/${personId}/addresses`, payload: { street: "Gatan 2", flat: "1101" }, field: "flat" },
      {
        url: `/api/people/${personId}/consents`,
        payload: { purpose: "marketing", channel: "email", status: "granted", via: "x" },
        field: "via",
      },
      { url: "/api/orders", payload: { personId, totalSek: 100, currency: "EUR" }, field: "currency" },
      { url: "/api/activities", payload: { personId, kind: "note", subject: "x", zzz: 1 }, field: "zzz" },
      {
        url: "/api/people",
        payload: { givenNames: "A", surname: "B", emails: [{ address: "a@b.se", extra: 1 }] },
        field: "emails.0.extra",
      },
    ];
    for (const { url, payload, field } of cases) {
      const response = await api.call({ method: "POST", url, payload });
      expect(response.status, url).toBe(400);
      expect(fieldsOf(response.body), url).toEqual([`${field}:unknown_field`]);
    }
    const person = await api.call({ url: `/api/people/${personId}` });
    expect(person.body.emails).toEqual([]);
    expect(person.body.addresses).toEqual([]);
  });

  it("refuses an owner or team that does not exist", async () => {
    const nobody = "0190a0b0-0000-7000-8000-000000000002";
    const owner = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "O", surname: "Ägarlös", ownerId: nobody },
    });
    expect(owner.status).toBe(400);
    expect(fieldsOf(owner.body)).toEqual(["ownerId:unknown_user"]);
    const team = await api.call({ method: "PATCH", url: `/api/people/${personId}`, payload: { ownerTeamId: nobody } });
    expect(team.status).toBe(400);
    expect(fieldsOf(team.body)).toEqual(["ownerTeamId:unknown_team"]);
    const organization = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: { name: "Ägarlös AB", ownerId: nobody },
    });
    expect(fieldsOf(organization.body)).toEqual(["ownerId:unknown_user"]);
  });

  it("checks birth dates: not against the personnummer, not in the future, not before 1870", async () => {
    const contradiction = await api.call({
      method: "PATCH",
      url: `/api/people/${personId}`,
      payload: { birthDate: "1999-01-01" },
    });
    expect(contradiction.status).toBe(400);
    expect(fieldsOf(contradiction.body)).toEqual(["birthDate:contradicts_personnummer"]);
    for (const birthDate of ["2099-01-01", "1800-01-01", "0000-01-01"]) {
      const response = await api.call({
        method: "POST",
        url: "/api/people",
        payload: { givenNames: "F", surname: "Född", birthDate },
      });
      expect(response.status, birthDate).toBe(400);
      expect(fieldsOf(response.body)[0], birthDate).toMatch(/^birthDate:/);
    }
  });

  it("takes custom dates and numbers only as people write them, and keeps date filters working", async () => {
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "since", label: "Kund sedan", type: "date" },
    });
    await api.call({
      method: "POST",
      url: "/api/custom-attributes",
      payload: { entity: "person", key: "visits", label: "Besök", type: "number" },
    });
    for (const custom of [{ since: "2020-02-31" }, { visits: " " }, { visits: "0x10" }]) {
      const response = await api.call({ method: "PATCH", url: `/api/people/${personId}`, payload: { custom } });
      expect(response.status, JSON.stringify(custom)).toBe(400);
    }
    const good = await api.call({
      method: "PATCH",
      url: `/api/people/${personId}`,
      payload: { custom: { since: "2020-02-28", visits: "1 234,5" } },
    });
    expect(good.body.custom).toEqual({ since: "2020-02-28", visits: 1234.5 });
    const filtered = await api.call({ url: "/api/people?filter=custom.since:lt:2021-01-01" });
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([personId]);
    const garbage = await api.call({ url: "/api/people?filter=birthDate:lt:garbage" });
    expect(garbage.status).toBe(400);
    expect(fieldsOf(garbage.body)).toEqual(["filters.0.value:invalid_date"]);
  });

  it("answers an import that is not a CSV body, or names a bad system, by field", async () => {
    const json = await api.call({ method: "POST", url: "/api/imports/people?system=webshop", payload: { a: 1 } });
    expect(json.status).toBe(415);
    const system = await api.call({
      method: "POST",
      url: "/api/imports/people?system=Bad%20System!",
      headers: { "content-type": "text/csv" },
      payload: "externalId,givenNames,surname\n1,A,B\n",
    });
    expect(system.status).toBe(400);
    expect(fieldsOf(system.body)).toEqual(["system:invalid_format"]);
  });

  it("accepts the Bearer scheme in any case, and refuses a channel window past 24:00", async () => {
    const lower = await api.app.inject({ url: "/api/people", headers: { authorization: `bearer ${api.adminKey}` } });
    expect(lower.statusCode).toBe(200);
    expect(lower.headers["x-content-type-options"]).toBe("nosniff");
    const window = await api.call({
      method: "PUT",
      url: `/api/people/${personId}/channel-preferences`,
      payload: { topic: "*", channel: "email", window: { days: [1], from: "08:00", to: "24:59" } },
    });
    expect(window.status).toBe(400);
    expect(fieldsOf(window.body)).toEqual(["window.to:invalid_format"]);
  });

  it("exports a name that looks like a formula so that no spreadsheet runs it, and imports it back unchanged", async () => {
    await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: '=HYPERLINK("http://x","y")',
        surname: "Formelsson",
        phones: [{ number: "+46701234599" }],
      },
    });
    const csv = await api.call({ url: "/api/people/export.csv?q=Formelsson" });
    expect(csv.raw).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.raw).toContain(",+46701234599,");
    const imported = await api.call({
      method: "POST",
      url: "/api/imports/people?system=sheet",
      headers: { "content-type": "text/csv" },
      payload: `externalId,givenNames,surname\nF-1,'=Lisa,Formelsson\n`,
    });
    expect(imported.body.created).toBe(1);
    const found = await api.call({ url: "/api/people?q=Formelsson" });
    expect(found.body.items.map((item: { givenNames: string }) => item.givenNames).sort()).toEqual([
      '=HYPERLINK("http://x","y")',
      "=Lisa",
    ]);
  });

  it("revokes a tracking source's write key", async () => {
    const created = await api.call({ method: "POST", url: "/api/sources", payload: { name: "Webbutiken" } });
    const writeKey = created.body.writeKey as string;
    const basic = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
    const before = await api.app.inject({
      method: "POST",
      url: "/v1/track",
      headers: { authorization: basic },
      payload: { anonymousId: "a1", event: "Visited" },
    });
    expect(before.statusCode).toBe(200);
    const revoked = await api.call({ method: "DELETE", url: `/api/sources/${created.body.source.id}` });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const audit = await api.call({ url: `/api/audit-log?entityId=${created.body.source.id}` });
    expect(audit.body.items.map((item: { action: string }) => item.action)).toContain("source.revoke");
  });

  it("refuses changes to a person merged into another, naming the survivor", async () => {
    const survivor = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Karin", surname: "Axelsson" },
    });
    const merged = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Karin", surname: "Axelson" },
    });
    const merge = await api.call({
      method: "POST",
      url: `/api/people/${survivor.body.id}/merge`,
      payload: { otherId: merged.body.id },
    });
    expect(merge.status).toBe(200);
    const writes = [
      { method: "PATCH" as const, url: `/api/people/${merged.body.id}`, payload: { surname: "Ny" } },
      {
        method: "POST" as const,
        url: `/api/people/${merged.body.id}/emails`,
        payload: { address: "karin@example.se" },
      },
      {
        method: "POST" as const,
        url: "/api/activities",
        payload: { personId: merged.body.id, kind: "note", subject: "Borta?" },
      },
    ];
    for (const write of writes) {
      const response = await api.call(write);
      expect(response.status, write.url).toBe(409);
      expect(response.body.mergedInto).toBe(survivor.body.id);
    }
    const timeline = await api.call({ url: `/api/people/${survivor.body.id}/timeline` });
    expect(timeline.body.items.map((item: { title: string }) => item.title)).not.toContain("Borta?");
  });

  it("names the field holding NUL, half of a surrogate pair or nesting past 64 levels, in a body, a query or an upload form, and keeps nothing", async () => {
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Ulla\ud800", surname: "Unicodesson", address: { street: "Gatan\u00001" } },
    });
    expect(person.status).toBe(400);
    expect(person.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(person.body)).toEqual(["givenNames:invalid_unicode", "address.street:nul_character"]);
    expect((await api.call({ url: "/api/people?q=Unicodesson" })).body.items).toEqual([]);

    const nested = await api.call({
      method: "POST",
      url: "/api/activities",
      headers: { "content-type": "application/json" },
      payload: `{"personId":"${personId}","kind":"note","subject":"Djup","data":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`,
    });
    expect(nested.status).toBe(400);
    expect(fieldsOf(nested.body)).toEqual([`data${".a".repeat(63)}:too_deep`]);

    const search = await api.call({ url: "/api/people?q=Ulla%00" });
    expect(search.status).toBe(400);
    expect(fieldsOf(search.body)).toEqual(["querystring.q:nul_character"]);

    const boundary = "avtalsgrans";
    const form = [
      `--${boundary}\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${personId}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nAvtal\u0000\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="avtal.txt"\r\n`,
      `Content-Type: text/plain\r\n\r\nInnehåll\r\n--${boundary}--\r\n`,
    ].join("");
    const upload = await api.call({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: form,
    });
    expect(upload.status).toBe(400);
    expect(fieldsOf(upload.body)).toEqual(["subject:nul_character"]);
    const timeline = await api.call({ url: `/api/people/${personId}/timeline?kinds=document` });
    expect(timeline.body.items).toEqual([]);
  });

  it("answers a path the router cannot read, or a person who does not exist, with a problem", async () => {
    const broken = await api.call({ url: "/api/people/%E0%A4%A" });
    expect(broken.status).toBe(400);
    expect(broken.headers["content-type"]).toContain("application/problem+json");
    expect(broken.body.code).toBe("bad_request");
    // Past 100 characters a segment is no id: refused by the router, or, where the web app's files
    // are served, a path of none of its files either.
    const long = await api.call({ url: `/api/people/${"x".repeat(500)}` });
    expect(long.headers["content-type"]).toContain("application/problem+json");
    expect([400, 404]).toContain(long.status);
    const match = await api.call({ method: "POST", url: "/api/people/0190a0b0-0000-7000-8000-000000000002/match" });
    expect(match.status).toBe(404);
    expect(match.body.code).toBe("not_found");
  });

  it("refuses a move that has not happened yet", async () => {
    const move = await api.call({
      method: "POST",
      url: `/api/people/${personId}/addresses`,
      payload: { street: "Framtidsgatan 9", postalCode: "41101", city: "Göteborg", validFrom: "2099-06-01" },
    });
    expect(move.status).toBe(400);
    expect(fieldsOf(move.body)).toEqual(["validFrom:in_future"]);
  });

  it("reports every fault of an organisation at once, the website among them", async () => {
    const response = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: {
        name: "Fel AB",
        organisationsnummer: "556000-0000",
        website: "inte en adress",
        emails: [{ address: "a@" }],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "emails.0.address",
      "organisationsnummer",
      "website",
    ]);
  });

  it("answers a list under a person, source or rule that does not exist with 404, and lists those of one that does", async () => {
    const nobody = "0190a0b0-0000-7000-8000-00000000dead";
    const lists: Array<[string, string]> = [
      ["person", `/api/people/${nobody}/messages`],
      ["person", `/api/people/${nobody}/merges`],
      ["person", `/api/people/${nobody}/traits`],
      ["source", `/api/sources/${nobody}/debugger`],
      ["rule", `/api/rules/${nobody}/versions`],
    ];
    for (const [entity, url] of lists) {
      const response = await api.call({ url });
      expect({ url, status: response.status, code: response.body.code }).toEqual({
        url,
        status: 404,
        code: "not_found",
      });
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body).toMatchObject({ entity, id: nobody });
    }

    const post = async (url: string, payload: object) => {
      const response = await api.call({ method: "POST", url, payload });
      expect(response.status, url).toBeLessThan(300);
      return response.body;
    };
    const kept = await post("/api/people", {
      givenNames: "Greta",
      surname: "Holm",
      emails: [{ address: "greta@example.se" }],
    });
    const twin = await post("/api/people", { givenNames: "Greta", surname: "Holmm" });
    await post(`/api/people/${kept.id}/messages`, { purpose: "service", subject: "Din beställning", body: "Hej" });
    const messages = await api.call({ url: `/api/people/${kept.id}/messages` });
    expect(messages.status).toBe(200);
    expect(messages.body.items.map((item: { subject: string }) => item.subject)).toEqual(["Din beställning"]);

    // A person merged away is still a record: their merges are listed, so the merge can be undone.
    const merge = await post(`/api/people/${kept.id}/merge`, { otherId: twin.id });
    for (const id of [kept.id, twin.id]) {
      const merges = await api.call({ url: `/api/people/${id}/merges` });
      expect(merges.status).toBe(200);
      expect(merges.body.items.map((item: { id: string }) => item.id)).toEqual([merge.id]);
    }
    const twinMessages = await api.call({ url: `/api/people/${twin.id}/messages` });
    expect(twinMessages.status).toBe(200);
    expect(twinMessages.body.items).toEqual([]);

    await post("/api/computed-traits", {
      key: "orders_90d",
      label: "Orders, 90 days",
      eventType: "track",
      eventName: "Order Completed",
      aggregate: "count",
      windowDays: 90,
    });
    const traits = await api.call({ url: `/api/people/${kept.id}/traits` });
    expect(traits.status).toBe(200);
    expect(traits.body.items).toEqual([expect.objectContaining({ key: "orders_90d", value: 0 })]);

    const source = await post("/api/sources", { name: "Kassan" });
    const track = await api.app.inject({
      method: "POST",
      url: "/v1/track",
      headers: { authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}` },
      payload: { anonymousId: "kassa-1", event: "Order Completed" },
    });
    expect(track.statusCode).toBe(200);
    // A revoked source still shows what it sent.
    await api.call({ method: "DELETE", url: `/api/sources/${source.source.id}` });
    const debug = await api.call({ url: `/api/sources/${source.source.id}/debugger` });
    expect(debug.status).toBe(200);
    expect(debug.body.events.map((event: { name: string }) => event.name)).toEqual(["Order Completed"]);

    const rule = await post("/api/rules", {
      name: "Ring nya leads",
      trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
      condition: { field: "person.lifecycle_stage", op: "eq", value: "lead" },
      actions: [{ type: "create_task", config: { subject: "Ring", assignTo: "owner" } }],
    });
    const versions = await api.call({ url: `/api/rules/${rule.id}/versions` });
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((version: { version: number }) => version.version)).toEqual([1]);
  });
});
