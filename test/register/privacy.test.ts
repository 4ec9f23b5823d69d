import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("privacy requests [%s]", (kind) => {
  let api: TestApi;
  let personId: string;
  beforeAll(async () => {
    api = await openTestApi(kind);
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Greta",
        surname: "Gustafsson",
        personnummer: "19800101-0019",
        emails: [{ address: "greta@example.se" }],
        phones: [{ number: "0701234567" }],
        address: { street: "Sveavägen 1", postalCode: "11157", city: "Stockholm" },
      },
    });
    personId = person.body.id;
    await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId, kind: "call", subject: "Frågade om leverans", body: "Greta ringde om sin order" },
    });
    await api.call({ method: "POST", url: "/api/orders", payload: { personId, number: "G-1", totalSek: 499 } });
    await api.call({
      method: "POST",
      url: `/api/people/${personId}/consents`,
      payload: { purpose: "marketing", channel: "email", status: "granted" },
    });
  });
  afterAll(async () => api?.close());

  it("exports everything held on the person as JSON and as a readable PDF", async () => {
    const json = await api.call({ url: `/api/people/${personId}/data-export` });
    expect(json.status).toBe(200);
    expect(json.body.person).toMatchObject({ givenNames: "Greta", personnummer: "198001010019" });
    expect(json.body.activities[0]).toMatchObject({
      subject: "Frågade om leverans",
      body: "Greta ringde om sin order",
    });
    expect(json.body.orders[0]).toMatchObject({ number: "G-1", totalSek: 499 });
    expect(json.body.changes.map((change: { action: string }) => change.action)).toContain("person.create");
    const pdf = await api.app.inject({
      url: `/api/people/${personId}/data-export?format=pdf`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.length).toBeGreaterThan(1_000);
  });

  it("writes the PDF in words a customer reads, with their name as registered in any Latin script", async () => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Łukasz",
        surname: "Wiśniewski-Øberg",
        address: { street: "Ćwiklińskagatan 3", postalCode: "41301", city: "Göteborg" },
      },
    });
    await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: created.body.id, kind: "call", subject: "Klagomål – leverans" },
    });
    const pdf = await api.app.inject({
      url: `/api/people/${created.body.id}/data-export?format=pdf`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    expect(text).toContain("Namn: Łukasz Wiśniewski-Øberg");
    expect(text).toContain("Kundstatus: intresserad");
    expect(text).toMatch(/ samtal: Klagomål – leverans/);
    expect(text).toMatch(/Adress: Ćwiklińskagatan 3, 413 01 Göteborg \(\d{4}-\d\d-\d\d \d\d:\d\d – nu, från API\)/);
    expect(text).not.toContain("?");
  });

  it("records an objection to profiling on the person", async () => {
    await api.call({ method: "PUT", url: `/api/people/${personId}/profiling-objection`, payload: { objects: true } });
    const person = await api.call({ url: `/api/people/${personId}` });
    expect(person.body.profilingObjection).toBe(true);
    expect(person.body.profilingObjectionAt).not.toBeNull();
  });

  it("erases personal data everywhere but keeps anonymised aggregates and the fact of the erasure", async () => {
    const noReason = await api.call({
      method: "POST",
      url: `/api/people/${personId}/erasure`,
      payload: { reason: "" },
    });
    expect(noReason.status).toBe(400);
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${personId}/erasure`,
      payload: { reason: "Kundens begäran 2026-11-20" },
    });
    expect(erased.body).toEqual({ activities: 1, orders: 1, cases: 0, messages: 0, events: 0 });

    const person = await api.call({ url: `/api/people/${personId}` });
    expect(person.body).toMatchObject({
      givenNames: "",
      surname: "",
      personnummer: null,
      emails: [],
      phones: [],
      addresses: [],
      consents: [],
    });
    expect(person.body.erasedAt).not.toBeNull();
    expect((await api.call({ url: "/api/people?q=Greta" })).body.items).toHaveLength(0);
    expect((await api.call({ url: "/api/people?q=198001010019" })).body.items).toHaveLength(0);
    expect((await api.call({ url: `/api/people/${personId}/timeline` })).body.items).toHaveLength(0);

    const audit = await api.call({ url: `/api/audit-log?entity=person&entityId=${personId}` });
    const serialized = JSON.stringify(audit.body.items);
    expect(serialized).not.toContain("Greta");
    expect(serialized).not.toContain("198001010019");
    expect(audit.body.items[0]).toMatchObject({
      action: "privacy.erase",
      after: { reason: "Kundens begäran 2026-11-20", orders: 1 },
    });
    const allAudit = await api.call({ url: "/api/audit-log?limit=500" });
    expect(JSON.stringify(allAudit.body)).not.toContain("greta@example.se");
    expect(JSON.stringify(allAudit.body)).not.toContain("ringde om sin order");
  });
});
