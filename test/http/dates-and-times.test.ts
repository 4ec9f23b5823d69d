import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

type TFieldFault = { field: string; code: string; message: string };
const faultsOf = (body: { errors?: TFieldFault[] }) =>
  (body.errors ?? []).map((error) => `${error.field}:${error.code}`);

/**
 * Dates and times as clients write them: a day that does not exist is refused by name instead of
 * rolling over into the next month, and a time without an offset is Swedish local time (the
 * installation's zone), not UTC.
 */
describe.each(STORE_KINDS)("dates and times through the API [%s]", (kind) => {
  let api: TestApi;
  let personId: string;
  const logCall = (fields: Record<string, unknown>) =>
    api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId, kind: "call", subject: "Samtal", ...fields },
    });

  beforeAll(async () => {
    api = await openTestApi(kind, { clock: new ManualClock(new Date("2026-11-23T10:00:00Z")) });
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Dagny", surname: "Datum", emails: [{ address: "dagny@example.se" }] },
    });
    personId = person.body.id;
  });
  afterAll(async () => api?.close());

  it("refuses a day that does not exist, naming the field, and stores nothing", async () => {
    const call = await logCall({ occurredAt: "2026-02-30" });
    expect(call.status).toBe(400);
    expect(call.headers["content-type"]).toContain("application/problem+json");
    expect(faultsOf(call.body)).toEqual(["occurredAt:invalid_date"]);
    expect(call.body.errors[0].message).toContain("2026-02-30");

    const task = await logCall({ kind: "task", dueAt: "2026-11-31" });
    expect(faultsOf(task.body)).toEqual(["dueAt:invalid_date"]);

    const opened = await api.call({
      method: "POST",
      url: "/api/cases",
      payload: { personId, subject: "Trasig leverans", openedAt: "2026-02-31T10:00+01:00" },
    });
    expect(opened.status).toBe(400);
    expect(faultsOf(opened.body)).toEqual(["openedAt:invalid_date"]);

    const order = await api.call({
      method: "POST",
      url: "/api/orders",
      payload: { personId, number: "O-1", totalSek: 100, orderedAt: "2026-04-31" },
    });
    expect(order.status).toBe(400);
    expect(faultsOf(order.body)).toContain("orderedAt:invalid_date");

    const move = await api.call({
      method: "POST",
      url: `/api/people/${personId}/addresses`,
      payload: { street: "Skottgatan 1", city: "Lund", validFrom: "2026-02-29" },
    });
    expect(move.status).toBe(400);
    expect(faultsOf(move.body)).toEqual(["validFrom:invalid_date"]);

    const timeline = await api.call({ url: `/api/people/${personId}/timeline?from=2026-02-30` });
    expect(timeline.status).toBe(400);
    expect(faultsOf(timeline.body)).toEqual(["querystring.from:invalid_date"]);
    const audit = await api.call({ url: "/api/audit-log?to=2026-06-31T00:00:00Z" });
    expect(audit.status).toBe(400);
    expect(faultsOf(audit.body)).toEqual(["querystring.to:invalid_date"]);

    const stored = await api.call({ url: `/api/people/${personId}/timeline` });
    expect(stored.body.items).toEqual([]);
  });

  it("takes the days that do exist: leap days, month ends, a year's last minute", async () => {
    for (const [occurredAt, stored] of [
      ["2028-02-29T12:00:00Z", "2028-02-29T12:00:00.000Z"],
      ["2026-04-30T23:59:59+02:00", "2026-04-30T21:59:59.000Z"],
      ["2026-12-31T23:59:00.5Z", "2026-12-31T23:59:00.500Z"],
    ]) {
      const call = await logCall({ occurredAt });
      expect(call.status, occurredAt).toBe(201);
      expect(call.body.occurredAt).toBe(stored);
    }
  });

  it("reads a time without an offset as Swedish local time, and refuses one the clocks skip", async () => {
    const winter = await logCall({ occurredAt: "2026-03-02T14:05" });
    expect(winter.body.occurredAt).toBe("2026-03-02T13:05:00.000Z");
    const summer = await logCall({ occurredAt: "2026-07-01 09:30:00" });
    expect(summer.body.occurredAt).toBe("2026-07-01T07:30:00.000Z");

    const gap = await logCall({ occurredAt: "2026-03-29T02:30" });
    expect(gap.status).toBe(400);
    expect(faultsOf(gap.body)).toEqual(["occurredAt:nonexistent_time"]);
    expect(gap.body.errors[0].message).toContain("Europe/Stockholm");
    const afterGap = await logCall({ occurredAt: "2026-03-29T03:00" });
    expect(afterGap.body.occurredAt).toBe("2026-03-29T01:00:00.000Z");

    // 02:30 on 25 October happens twice; the first time, still in summer time (+02:00), counts.
    const twice = await logCall({ occurredAt: "2026-10-25T02:30" });
    expect(twice.body.occurredAt).toBe("2026-10-25T00:30:00.000Z");
    const explicit = await logCall({ occurredAt: "2026-10-25T02:30+01:00" });
    expect(explicit.body.occurredAt).toBe("2026-10-25T01:30:00.000Z");
  });

  it("reads a date alone as the start of that day in Sweden, for instants and filters alike", async () => {
    const task = await logCall({ kind: "task", subject: "Ring tillbaka", dueAt: "2026-03-02" });
    expect(task.body.dueAt).toBe("2026-03-01T23:00:00.000Z");
    const midsummer = await logCall({ subject: "Midsommar", occurredAt: "2026-06-19" });
    expect(midsummer.body.occurredAt).toBe("2026-06-18T22:00:00.000Z");

    // 01:30 on Midsummer Day in Sweden, still the day before in UTC.
    const night = await logCall({ subject: "Midsommarnatt", occurredAt: "2026-06-18T23:30:00Z" });
    expect(night.status).toBe(201);
    const titles = async (query: string) =>
      (await api.call({ url: `/api/people/${personId}/timeline?kinds=call&${query}` })).body.items.map(
        (item: { title: string }) => item.title,
      );
    expect(await titles("from=2026-06-19")).toEqual(expect.arrayContaining(["Midsommar", "Midsommarnatt"]));
    expect(await titles("from=2026-06-19&to=2026-06-20")).toEqual(["Midsommarnatt", "Midsommar"]);
    expect(await titles("to=2026-06-19")).not.toContain("Midsommarnatt");
  });

  it("refuses numbers, booleans and text that is no date, by field", async () => {
    for (const occurredAt of [true, 12345, "idag", "2026-3-2", "2026-03-02T25:00"]) {
      const call = await logCall({ occurredAt });
      expect(call.status, String(occurredAt)).toBe(400);
      expect(faultsOf(call.body), String(occurredAt)).toEqual([
        typeof occurredAt === "string" ? "occurredAt:invalid_date" : "occurredAt:invalid_type",
      ]);
    }
    const early = await logCall({ occurredAt: "0999-05-01T10:00:00Z" });
    expect(faultsOf(early.body)).toEqual(["occurredAt:too_small"]);
  });

  it("reads import files' dates as the API does: local time, and no time the clocks skip", async () => {
    const csv = [
      "externalId;personExternalId;kind;subject;occurredAt",
      "A-1;K-1;call;Ringde på förmiddagen;2026-03-02 10:15",
      "A-2;K-1;call;Ringde i glappet;2026-03-29 02:30",
      "A-3;K-1;call;Ringde en dag som inte finns;30.2.2026",
    ].join("\n");
    await api.call({
      method: "POST",
      url: "/api/imports/people?system=kassa",
      headers: { "content-type": "text/csv" },
      payload: "externalId;givenNames;surname\nK-1;Ivar;Import\n",
    });
    const report = await api.call({
      method: "POST",
      url: "/api/imports/activities?system=kassa",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(report.body).toMatchObject({ created: 1, failed: 2 });
    expect(
      report.body.errors.map((error: TFieldFault & { row: number }) => `${error.row}:${faultsOf({ errors: [error] })}`),
    ).toEqual(["2:occurredAt:nonexistent_time", "3:occurredAt:invalid_date"]);
    const people = await api.call({ url: "/api/people?q=Import" });
    const timeline = await api.call({ url: `/api/people/${people.body.items[0].id}/timeline` });
    expect(timeline.body.items.map((item: { occurredAt: string }) => item.occurredAt)).toEqual([
      "2026-03-02T09:15:00.000Z",
    ]);
  });
});

describe("dates and times in another installation's zone", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi("pglite", { config: { DEFAULT_TIME_ZONE: "Europe/Helsinki" } });
  });
  afterAll(async () => api?.close());

  it("reads a time without an offset in DEFAULT_TIME_ZONE", async () => {
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Aino", surname: "Aika" },
    });
    const call = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: person.body.id, kind: "call", subject: "Puhelu", occurredAt: "2026-03-02T14:05" },
    });
    expect(call.body.occurredAt).toBe("2026-03-02T12:05:00.000Z");
    const gap = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: person.body.id, kind: "call", subject: "Puhelu", occurredAt: "2026-03-29T03:30" },
    });
    expect(faultsOf(gap.body)).toEqual(["occurredAt:nonexistent_time"]);
  });
});

/**
 * Consent decisions: the one recorded last counts, whatever time the sender puts on it, so a
 * grant dated ahead cannot outrank the withdrawal a customer made after it.
 */
describe.each(STORE_KINDS)("consent times [%s]", (kind) => {
  let api: TestApi;
  let clock: ManualClock;
  let marketer: string;
  const NOW = new Date("2026-11-23T10:00:00Z");

  const newPerson = async (surname: string) => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Karin", surname, emails: [{ address: `${surname.toLowerCase()}@example.se` }] },
    });
    return created.body.id as string;
  };
  const consent = (personId: string, status: "granted" | "withdrawn", receivedAt?: unknown) =>
    api.call({
      method: "POST",
      url: `/api/people/${personId}/consents`,
      payload: {
        purpose: "marketing",
        channel: "email",
        status,
        ...(receivedAt === undefined ? {} : { source: { system: "webshop", receivedAt } }),
      },
    });
  const currentConsent = async (personId: string) => {
    const person = await api.call({ url: `/api/people/${personId}` });
    return person.body.consents.find((entry: { purpose: string; channel: string }) => entry.channel === "email")
      ?.status;
  };
  const sendOffer = (personId: string) =>
    api.call({
      method: "POST",
      url: `/api/people/${personId}/messages`,
      payload: { subject: "Erbjudande", body: "Hej {{ person.greetingName }}" },
      key: marketer,
    });

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    api = await openTestApi(kind, { clock });
    marketer = (await api.keyFor("marketing")).key;
  });
  afterAll(async () => api?.close());

  it("refuses a receivedAt in the future, and one that is not text, naming the field", async () => {
    const personId = await newPerson("Framtid");
    const future = await consent(personId, "granted", "2999-01-01T00:00:00Z");
    expect(future.status).toBe(400);
    expect(faultsOf(future.body)).toEqual(["source.receivedAt:in_future"]);
    for (const receivedAt of [true, 12345]) {
      const refused = await consent(personId, "granted", receivedAt);
      expect(refused.status, String(receivedAt)).toBe(400);
      expect(faultsOf(refused.body)).toEqual(["source.receivedAt:invalid_type"]);
    }
    expect(await currentConsent(personId)).toBeUndefined();

    // A sender's clock a little ahead of ours is tolerated.
    const skewed = await consent(personId, "granted", new Date(NOW.getTime() + 4 * 60_000).toISOString());
    expect(skewed.status).toBe(204);
  });

  it("holds the same rules wherever a source is given", async () => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Sune",
        surname: "Sent",
        source: { system: "webshop", receivedAt: "2999-01-01T00:00:00Z" },
      },
    });
    expect(created.status).toBe(400);
    expect(faultsOf(created.body)).toEqual(["source.receivedAt:in_future"]);
    const personId = await newPerson("Källa");
    const changed = await api.call({
      method: "PATCH",
      url: `/api/people/${personId}`,
      payload: { surname: "Källström", source: { system: "webshop", receivedAt: true } },
    });
    expect(changed.status).toBe(400);
    expect(faultsOf(changed.body)).toEqual(["source.receivedAt:invalid_type"]);
    const moved = await api.call({
      method: "POST",
      url: `/api/people/${personId}/addresses`,
      payload: { street: "Nygatan 1", city: "Lund", source: { system: "webshop", receivedAt: "2026-02-30T10:00:00Z" } },
    });
    expect(faultsOf(moved.body)).toEqual(["source.receivedAt:invalid_date"]);
  });

  it("lets a withdrawal recorded after a grant win, however the grant was dated, and sends no marketing", async () => {
    const personId = await newPerson("Återtag");
    // Dated a few minutes ahead, within the clock skew: it used to sort after everything.
    expect((await consent(personId, "granted", new Date(NOW.getTime() + 4 * 60_000).toISOString())).status).toBe(204);
    clock.advance(60_000);
    expect((await consent(personId, "withdrawn")).status).toBe(204);
    expect(await currentConsent(personId)).toBe("withdrawn");
    const offer = await sendOffer(personId);
    expect(offer.body).toMatchObject({ status: "suppressed", suppressedReason: "no_consent" });
  });

  it("lets a back-dated withdrawal recorded after a grant win too", async () => {
    const personId = await newPerson("Brev");
    expect((await consent(personId, "granted")).status).toBe(204);
    clock.advance(60_000);
    // A letter the customer wrote last week, registered today.
    expect((await consent(personId, "withdrawn", "2026-11-16T09:00:00+01:00")).status).toBe(204);
    expect(await currentConsent(personId)).toBe("withdrawn");
    const person = await api.call({ url: `/api/people/${personId}` });
    expect(person.body.consents[0].source.receivedAt).toBe("2026-11-16T08:00:00.000Z");
    expect(person.body.consents[0].recordedAt).toBe(clock.now().toISOString());
  });

  it("refuses a grant given before a withdrawal the register already holds", async () => {
    const personId = await newPerson("Blankett");
    clock.advance(60_000);
    expect((await consent(personId, "withdrawn")).status).toBe(204);
    clock.advance(60_000);
    // A paper form signed a month ago, scanned in after the customer withdrew on the web.
    const stale = await consent(personId, "granted", "2026-10-20T12:00:00+02:00");
    expect(stale.status).toBe(409);
    expect(faultsOf(stale.body)).toEqual(["source.receivedAt:before_withdrawal"]);
    expect(await currentConsent(personId)).toBe("withdrawn");

    // Asking again after the withdrawal is the customer's newer word, and counts.
    const renewed = await consent(personId, "granted");
    expect(renewed.status).toBe(204);
    expect(await currentConsent(personId)).toBe("granted");
    expect((await sendOffer(personId)).body.status).toBe("queued");
  });
});
