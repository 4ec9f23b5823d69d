import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * The register extract a privacy officer hands to a customer: everything held on them, and in the
 * PDF in words the customer reads, with no staff e-mail or key name in it.
 */
describe.each(STORE_KINDS)("privacy export: complete and readable [%s]", (kind) => {
  let api: TestApi;
  let personId: string;
  let petra: string;
  let writeKey: string;

  const track = async (batch: unknown[]) => {
    const response = await api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: { batch },
    });
    expect(response.statusCode).toBe(200);
  };
  const pdfText = async (id: string, key = api.adminKey) => {
    const pdf = await api.app.inject({
      url: `/api/people/${id}/data-export?format=pdf`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    return text;
  };
  /** Waits until the tracking writer has stored `count` events of the person. */
  const eventsOf = async (id: string, count: number) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const stored = await api.call({ url: `/api/events?personId=${id}&limit=200` });
      if (stored.body.items.length >= Math.min(count, 200)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} events stored`);
  };
  const settle = async () => {
    for (let round = 0; round < 5; round++) await api.services.bus.dispatchPending();
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
    petra = (await api.keyFor("support", "petra@example.se")).key;
    writeKey = (await api.call({ method: "POST", url: "/api/sources", payload: { name: "Webbutiken", kind: "web" } }))
      .body.writeKey;
    for (const payload of [
      { entity: "person", key: "lojalitet", label: "Lojalitetsnivå", type: "choice", choices: ["guld", "silver"] },
      { entity: "person", key: "nyhetsbrev_sedan", label: "Nyhetsbrev sedan", type: "date" },
    ]) {
      expect((await api.call({ method: "POST", url: "/api/custom-attributes", payload })).status).toBe(201);
    }
    await api.call({
      method: "POST",
      url: "/api/computed-traits",
      payload: {
        key: "page_views_30d",
        label: "Webbesök, 30 dagar",
        eventType: "page",
        aggregate: "count",
        windowDays: 30,
      },
    });
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Klagomålskunder",
        trigger: { type: "record", entity: "case", on: "created" },
        condition: { field: "cases.category.complaint.count_90d", op: "gte", value: 1 },
        actions: [{ type: "add_to_list", config: { list: "Ring upp efter klagomål" } }],
      },
    });
    expect(rule.status).toBe(201);
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Karin Maria",
        preferredNameMarking: "20",
        surname: "Lund",
        personnummer: "19800101-0019",
        emails: [{ address: "maria.lund@example.se" }],
        externalId: "DEMO-00193",
        source: { system: "demo" },
        custom: { lojalitet: "guld", nyhetsbrev_sedan: "2024-03-01" },
      },
    });
    expect(person.status).toBe(201);
    personId = person.body.id;
    const consent = (payload: object, key?: string) =>
      api.call({ method: "POST", url: `/api/people/${personId}/consents`, payload, ...(key ? { key } : {}) });
    await consent({ purpose: "marketing", channel: "email", status: "granted" });
    await consent({ purpose: "marketing", channel: "email", status: "withdrawn", note: "Ringde och avböjde" }, petra);
    await consent({ purpose: "nyhetsbrev", channel: "phone", status: "granted" }, petra);
    await api.call({
      method: "PUT",
      url: `/api/people/${personId}/channel-preferences`,
      payload: { topic: "orders", channel: "sms", window: { days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" } },
    });
    await api.call({
      method: "POST",
      url: "/api/orders",
      payload: {
        personId,
        number: "W-1001",
        lines: [{ sku: "K-38", description: "Kängor storlek 38", quantity: 1, unitPriceSek: 899 }],
      },
    });
    const opened = await api.call({
      method: "POST",
      url: "/api/cases",
      key: petra,
      payload: { personId, subject: "Kängorna läcker", category: "complaint", channel: "phone" },
    });
    expect(opened.status).toBe(201);
    await api.call({
      method: "PATCH",
      url: `/api/cases/${opened.body.id}`,
      key: petra,
      payload: { note: "Skickar nya kängor.\tStorlek 38, samma modell." },
    });
    await api.call({
      method: "POST",
      url: `/api/people/${personId}/messages`,
      payload: { subject: "Om din reklamation", body: "Hej Maria", purpose: "service", idempotencyKey: "maria-1" },
    });
    await track([
      { type: "identify", userId: "kund-193", anonymousId: "webbläsare-7", traits: { email: "maria.lund@example.se" } },
      { type: "page", userId: "kund-193", name: "Kängor", properties: { path: "/skor/kangor" } },
    ]);
    await eventsOf(personId, 1);
    await settle();
  });
  afterAll(async () => api?.close());

  it("holds the consent history, profiling, automated decisions, lists and tracking ids in the JSON", async () => {
    const { body } = await api.call({ url: `/api/people/${personId}/data-export` });
    expect(body.person.consents).toHaveLength(2);
    expect(body.consentHistory).toEqual([
      expect.objectContaining({ purpose: "nyhetsbrev", channel: "phone", status: "granted" }),
      expect.objectContaining({ purpose: "marketing", status: "withdrawn", note: "Ringde och avböjde" }),
      expect.objectContaining({
        purpose: "marketing",
        status: "granted",
        source: expect.objectContaining({ system: "api" }),
      }),
    ]);
    expect(body.computedTraits).toEqual([expect.objectContaining({ key: "page_views_30d", value: 1, windowDays: 30 })]);
    expect(body.ruleFirings).toEqual([
      expect.objectContaining({
        ruleName: "Klagomålskunder",
        status: "done",
        explanation: [expect.stringMatching(/^✓ complaint\.count_90d = 1/)],
        results: [expect.objectContaining({ type: "add_to_list", ok: true })],
      }),
    ]);
    expect(body.memberships).toEqual([expect.objectContaining({ kind: "list", name: "Ring upp efter klagomål" })]);
    expect(
      body.trackingIdentities.map((id: { kind: string; value: string }) => `${id.kind}:${id.value}`).sort(),
    ).toEqual(["anonymous:webbläsare-7", "user:kund-193"]);
    expect(body.trackingIdentities[0].sourceName).toBe("Webbutiken");
    expect(body.limits.events).toEqual({ included: body.events.length, total: body.events.length });
    expect(body.customFields).toContainEqual({
      key: "lojalitet",
      label: "Lojalitetsnivå",
      type: "choice",
      value: "guld",
    });
  });

  it("names no staff member in case histories for a role that may not read the audit log", async () => {
    const reader = (await api.keyFor("read_only")).key;
    const hidden = await api.call({ url: `/api/people/${personId}/data-export`, key: reader });
    expect(hidden.status).toBe(200);
    const events = hidden.body.cases[0].events;
    expect(events.map((event: { kind: string }) => event.kind)).toEqual(["opened", "note"]);
    for (const event of events) {
      expect(event).not.toHaveProperty("actorLabel");
      expect(event).not.toHaveProperty("actorUserId");
    }
    expect(hidden.raw).not.toContain("petra@example.se");
    expect(hidden.body.changes[0]).toEqual({ at: expect.any(String), action: "privacy.export", actor: "staff" });

    const audit = await api.call({ url: `/api/people/${personId}/data-export` });
    expect(audit.body.cases[0].events[0].actorLabel).toBe("petra@example.se (key test)");
    expect(audit.body.changes).toContainEqual(
      expect.objectContaining({ action: "consent.record", actor: "staff", by: "petra@example.se (key test)" }),
    );
  });

  it("prints everything in the PDF in Swedish words, staff as 'personal', and no code a customer cannot read", async () => {
    const text = await pdfText(personId);
    // Who the person is, with custom fields by their labels and the ids other systems know them by.
    expect(text).toContain("Namn: Karin Maria Lund (tilltalsnamn Maria)");
    expect(text).toContain("Personnummer: 19800101-0019");
    expect(text).toContain("Språk: svenska");
    expect(text).toContain("Lojalitetsnivå: guld");
    expect(text).not.toContain("lojalitet:");
    expect(text).toContain("DEMO-00193 (demodata)");
    // Consents now and every decision before, channel choices.
    expect(text).toContain("Marknadsföring via e-post: återkallat");
    expect(text).toContain("Nyhetsbrev via telefon: lämnat");
    expect(text).toMatch(/marknadsföring via e-post: lämnat \(från API\)/);
    expect(text).toMatch(/marknadsföring via e-post: återkallat \(från API; Ringde och avböjde\)/);
    expect(text).toMatch(/Beställningar: helst via sms, mån–fre 08:00–17:00 \(från API \d{4}-\d\d-\d\d \d\d:\d\d\)/);
    // Orders with their lines, cases and messages in words.
    expect(text).toContain("1 × Kängor storlek 38 (art.nr K-38) à 899,00 kr");
    expect(text).toMatch(/ärende 1 \(klagomål, via telefon, prioritet normal, ny\): Kängorna läcker/);
    expect(text).toContain("anteckning: Skickar nya kängor. Storlek 38, samma modell.");
    expect(text).toMatch(/e-post \(service\) till maria\.lund@example\.se: Om din reklamation \(köat\)/);
    // Tracking, profiling and automated decisions.
    expect(text).toContain("Användar-id: kund-193");
    expect(text).toContain("Anonymt id (webbläsare eller enhet): webbläsare-7");
    expect(text).toMatch(/sidvisning: Kängor/);
    expect(text).toContain("Webbesök, 30 dagar: 1 (räknat över de senaste 30 dagarna)");
    expect(text).toMatch(/regeln "Klagomålskunder": utfört \(lade till i en lista\)/);
    expect(text).toMatch(/✓ complaint\.count_90d = 1/);
    expect(text).toContain('Lista "Ring upp efter klagomål"');
    // The change history in words, staff unnamed.
    expect(text).toMatch(/Samtycke registrerat, av personal/);
    expect(text).toMatch(/Person skapad, av personal/);
    for (const code of ["privacy.export", "consent.record", "identity.link", "person.create"]) {
      expect(text).not.toContain(code);
    }
    // The rule's explanation names its fields as the rule language does (complaint.count_90d); a
    // category, purpose or channel is never printed as its code.
    for (const raw of ["marketing", "email", "phone", "(complaint", "Språk: sv ", "petra@example.se", "(key "]) {
      expect(text).not.toContain(raw);
    }
    expect(text).not.toContain("?");
  });

  it("states how many tracked events there are when the PDF lists only the newest", async () => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Olle", surname: "Berg", emails: [{ address: "olle@example.se" }] },
    });
    const olle = created.body.id;
    const pages = Array.from({ length: 205 }, (_, index) => ({
      type: "page",
      userId: "kund-olle",
      name: `Sida ${index + 1}`,
      timestamp: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
    }));
    await track([{ type: "identify", userId: "kund-olle", traits: { email: "olle@example.se" } }, ...pages]);
    await eventsOf(olle, 206);
    const { body } = await api.call({ url: `/api/people/${olle}/data-export` });
    expect(body.limits.events).toEqual({ included: 206, total: 206 });
    const text = await pdfText(olle);
    expect(text).toContain("Händelser på webb och i appar (206)");
    expect(text).toContain("Här visas de 200 senaste. Alla finns i den maskinläsbara versionen av utdraget (JSON).");
    expect(text).toContain("sidvisning: Sida 205");
    expect(text).not.toContain("sidvisning: Sida 5\n");
  });

  it("prints an erased person's extract without an empty name or greeting", async () => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Sven", surname: "Ek" },
    });
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${created.body.id}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erased.status).toBe(200);
    const text = await pdfText(created.body.id);
    expect(text).toContain("Namn: (raderad)");
    expect(text).not.toContain("tilltalsnamn");
    expect(text).toMatch(/Personens uppgifter raderades \d{4}-\d\d-\d\d/);
    expect(text).toMatch(/Radering, av personal/);
  });
});
