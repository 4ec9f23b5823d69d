import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("duplicates: match, review, merge and unmerge [%s]", (kind) => {
  let api: TestApi;
  let writeKey: string;

  const person = async (payload: Record<string, unknown>) => {
    const response = await api.call({ method: "POST", url: "/api/people", payload });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const track = (batch: unknown[]) =>
    api.app.inject({
      method: "POST",
      url: "/v1/batch",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` },
      payload: { batch },
    });

  beforeAll(async () => {
    api = await openTestApi(kind);
    writeKey = (await api.call({ method: "POST", url: "/api/sources", payload: { name: "Butik" } })).body.writeKey;
  });
  afterAll(async () => api?.close());

  it("merges at once a record that shares e-mail, birth date and preferred name, keeping the better data of both", async () => {
    const first = await person({
      givenNames: "Karl Stig Emanuel",
      preferredNameMarking: "20",
      surname: "Lindqvist",
      personnummer: "19500315-0017",
      emails: [{ address: "stig.lindqvist@example.se" }],
      address: { street: "Storgatan 12", postalCode: "41301", city: "Göteborg" },
    });
    const second = await person({
      givenNames: "Stig",
      surname: "Lindqvist",
      birthDate: "1950-03-15",
      emails: [{ address: "Stig.Lindqvist@example.se" }],
      phones: [{ number: "070-765 43 21" }],
    });
    const result = await api.call({ method: "POST", url: `/api/people/${second}/match` });
    expect(result.status).toBe(200);
    expect(result.body.scores[0]).toMatchObject({ outcome: "auto_merge" });
    expect(result.body.merged).toBe(first);
    const survivor = await api.call({ url: `/api/people/${first}` });
    expect(survivor.body.greetingName).toBe("Stig");
    expect(survivor.body.givenNames).toBe("Karl Stig Emanuel");
    expect(survivor.body.phones.map((phone: { e164: string }) => phone.e164)).toContain("+46707654321");
    const merged = await api.call({ url: `/api/people/${second}` });
    expect(merged.body.mergedInto).toBe(first);
    const list = await api.call({ url: "/api/people?q=lindqvist" });
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([first]);
    const merges = await api.call({ url: `/api/people/${first}/merges` });
    expect(merges.body.items[0]).toMatchObject({ survivorId: first, mergedId: second, decidedBy: "auto" });
  });

  it("queues a likely pair for review with a field-by-field explanation, and merges it on a person's word", async () => {
    const older = await person({
      givenNames: "Åsa",
      surname: "Wikström",
      birthDate: "1984-11-02",
      address: { street: "Kungsgatan 4", postalCode: "75321", city: "Uppsala" },
    });
    const newer = await person({
      givenNames: "Asa",
      surname: "Wikstrom",
      birthDate: "1984-11-02",
      address: { street: "Kungsgatan 4", postalCode: "753 21", city: "Uppsala" },
    });
    const matched = await api.call({ method: "POST", url: `/api/people/${newer}/match` });
    expect(matched.body.queued).toBe(1);
    const queue = await api.call({ url: `/api/match-candidates?personId=${older}` });
    expect(queue.body.items).toHaveLength(1);
    const review = await api.call({ url: `/api/match-candidates/${queue.body.items[0].id}` });
    expect(review.body.a.surname).toBe("Wikström");
    expect(review.body.b.surname).toBe("Wikstrom");
    expect(review.body.explanation.join("\n")).toMatch(/surname/i);
    expect(review.body.explanation.join("\n")).toMatch(/birth/i);
    const merge = await api.call({
      method: "POST",
      url: `/api/match-candidates/${queue.body.items[0].id}/merge`,
      payload: { survivorId: older },
    });
    expect(merge.status).toBe(200);
    expect(merge.body).toMatchObject({ survivorId: older, mergedId: newer, decidedBy: "person" });
    const again = await api.call({ method: "POST", url: `/api/match-candidates/${queue.body.items[0].id}/distinct` });
    expect(again.status).toBe(409);
  });

  it("carries an open review pair over to the survivor when one of its people is merged, and back on unmerge", async () => {
    // Created first, so its id sorts first: the pair's sides swap when it takes the newer record's place.
    const kept = await person({
      givenNames: "Märta",
      surname: "Sjögren",
      emails: [{ address: "marta.sjogren@example.se" }],
    });
    const older = await person({
      givenNames: "Märta",
      surname: "Sjögren",
      birthDate: "1969-08-21",
      address: { street: "Vasagatan 5", postalCode: "90326", city: "Umeå" },
    });
    const newer = await person({
      givenNames: "Marta",
      surname: "Sjogren",
      birthDate: "1969-08-21",
      address: { street: "Vasagatan 5", postalCode: "903 26", city: "Umeå" },
    });
    await api.call({ method: "POST", url: `/api/people/${newer}/match` });
    const openPairs = async (personId: string) =>
      (await api.call({ url: `/api/match-candidates?personId=${personId}` })).body.items as Array<{
        id: string;
        personA: string;
        personB: string;
      }>;
    const [pair] = (await openPairs(older)).filter((item) => [item.personA, item.personB].includes(newer));
    if (!pair) throw new Error("the two records of Märta Sjögren were not queued for review");
    const surnames = async () => {
      const review = await api.call({ url: `/api/match-candidates/${pair.id}` });
      const field = review.body.candidate.comparison.find((entry: { field: string }) => entry.field === "surname");
      return { a: review.body.a.id, b: review.body.b.id, valueA: field.valueA, valueB: field.valueB };
    };
    expect(await surnames()).toMatchObject({ a: older, b: newer, valueA: "Sjögren", valueB: "Sjogren" });

    const merge = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: newer } });
    expect(merge.status).toBe(200);
    // The question is now about Märta's surviving record, each value still on its own person's side.
    expect(await surnames()).toMatchObject({ a: kept, b: older, valueA: "Sjogren", valueB: "Sjögren" });
    expect((await openPairs(newer)).map((item) => item.id)).not.toContain(pair.id);

    const undo = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(undo.status).toBe(200);
    expect(await surnames()).toMatchObject({ a: older, b: newer, valueA: "Sjögren", valueB: "Sjogren" });

    const again = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: newer } });
    expect(again.status).toBe(200);
    const decided = await api.call({
      method: "POST",
      url: `/api/match-candidates/${pair.id}/merge`,
      payload: { survivorId: kept },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ survivorId: kept, mergedId: older });
    expect((await api.call({ url: `/api/people/${older}` })).body.mergedInto).toBe(kept);
  });

  it("keeps one of an e-mail or a number both records hold, and gives each record its own back on unmerge", async () => {
    const kept = await person({
      givenNames: "Ingrid",
      surname: "Holmberg",
      emails: [{ address: "ingrid.holmberg@example.se" }],
      phones: [{ number: "0701112233" }],
    });
    const other = await person({
      givenNames: "Ingrid",
      surname: "Holmberg",
      emails: [{ address: "Ingrid.Holmberg@example.se" }],
      phones: [{ number: "070-111 22 33" }, { number: "08-123 45 67" }],
    });
    const contact = async (id: string) => {
      const body = (await api.call({ url: `/api/people/${id}` })).body;
      return {
        emails: body.emails.map((email: { address: string }) => email.address.toLowerCase()),
        phones: body.phones.map((phone: { e164: string }) => phone.e164),
      };
    };
    const merge = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: other } });
    expect(merge.status).toBe(200);
    expect(await contact(kept)).toEqual({
      emails: ["ingrid.holmberg@example.se"],
      phones: ["+46701112233", "+4681234567"],
    });
    const undo = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(undo.status).toBe(200);
    expect(await contact(kept)).toEqual({ emails: ["ingrid.holmberg@example.se"], phones: ["+46701112233"] });
    expect(await contact(other)).toEqual({
      emails: ["ingrid.holmberg@example.se"],
      phones: ["+46701112233", "+4681234567"],
    });
  });

  it("leaves one current address of a kind after a merge, and gives each record its own back on unmerge", async () => {
    const clock = api.services.clock as ManualClock;
    const homes = async (id: string) =>
      (await api.call({ url: `/api/people/${id}` })).body.addresses
        .map(
          (address: { street: string; validTo: string | null }) =>
            `${address.street}${address.validTo ? " (tidigare)" : ""}`,
        )
        .sort();
    // The register heard that Sven moved; the web shop still has the address he left.
    const sven = await person({
      givenNames: "Sven",
      surname: "Åberg",
      address: { street: "Storgatan 1", postalCode: "11122", city: "Stockholm" },
    });
    clock.advance(86_400_000);
    const moved = await api.call({
      method: "POST",
      url: `/api/people/${sven}/addresses`,
      payload: { street: "Ågatan 3", postalCode: "58223", city: "Linköping" },
    });
    expect(moved.status).toBe(201);
    clock.advance(86_400_000);
    const shop = await person({
      givenNames: "Sven",
      surname: "Åberg",
      address: { street: "Storgatan 1", postalCode: "111 22", city: "Stockholm" },
    });
    const first = await api.call({ method: "POST", url: `/api/people/${sven}/merge`, payload: { otherId: shop } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(await homes(sven)).toEqual(["Storgatan 1 (tidigare)", "Storgatan 1 (tidigare)", "Ågatan 3"]);
    // Two different current addresses: the one the register heard of last is where she lives.
    const karin = await person({
      givenNames: "Karin",
      surname: "Öst",
      address: { street: "Kvarngatan 8", postalCode: "90325", city: "Umeå" },
    });
    clock.advance(86_400_000);
    const newer = await person({
      givenNames: "Karin",
      surname: "Öst",
      address: { street: "Hamngatan 2", postalCode: "41106", city: "Göteborg" },
    });
    const second = await api.call({ method: "POST", url: `/api/people/${karin}/merge`, payload: { otherId: newer } });
    expect(second.status).toBe(200);
    expect(await homes(karin)).toEqual(["Hamngatan 2", "Kvarngatan 8 (tidigare)"]);
    const addresses = (await api.call({ url: `/api/people/${karin}` })).body.addresses;
    const closed = addresses.find((address: { validTo: string | null }) => address.validTo);
    const current = addresses.find((address: { validTo: string | null }) => !address.validTo);
    expect(closed.validTo).toBe(current.validFrom);
    // Kept as the survivor, the web shop's record still learns that the customer has moved.
    const olle = await person({
      givenNames: "Olle",
      surname: "Lund",
      address: { street: "Byvägen 5", postalCode: "22350", city: "Lund" },
    });
    clock.advance(86_400_000);
    await api.call({
      method: "POST",
      url: `/api/people/${olle}/addresses`,
      payload: { street: "Torget 1", postalCode: "27131", city: "Ystad" },
    });
    clock.advance(86_400_000);
    const olleShop = await person({
      givenNames: "Olle",
      surname: "Lund",
      address: { street: "Byvägen 5", postalCode: "223 50", city: "Lund" },
    });
    const third = await api.call({ method: "POST", url: `/api/people/${olleShop}/merge`, payload: { otherId: olle } });
    expect(third.status).toBe(200);
    expect(await homes(olleShop)).toEqual(["Byvägen 5 (tidigare)", "Byvägen 5 (tidigare)", "Torget 1"]);
    for (const merge of [first, second, third]) {
      expect((await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` })).status).toBe(200);
    }
    expect(await homes(sven)).toEqual(["Storgatan 1 (tidigare)", "Ågatan 3"]);
    expect(await homes(shop)).toEqual(["Storgatan 1"]);
    expect(await homes(karin)).toEqual(["Kvarngatan 8"]);
    expect(await homes(newer)).toEqual(["Hamngatan 2"]);
    expect(await homes(olleShop)).toEqual(["Byvägen 5"]);
  });

  it("learns from a record that says only Stig that Karl Stig Emanuel goes by Stig, and forgets it on unmerge", async () => {
    const full = await person({ givenNames: "Karl Stig Emanuel", surname: "Lundmark", birthDate: "1948-02-02" });
    const called = await person({ givenNames: "Stig", surname: "Lundmark", birthDate: "1948-02-02" });
    const greeting = async (id: string) => {
      const body = (await api.call({ url: `/api/people/${id}` })).body;
      return {
        givenNames: body.givenNames,
        greetingName: body.greetingName,
        greetingUncertain: body.greetingUncertain,
      };
    };
    expect(await greeting(full)).toEqual({
      givenNames: "Karl Stig Emanuel",
      greetingName: "Karl",
      greetingUncertain: true,
    });
    const merge = await api.call({ method: "POST", url: `/api/people/${full}/merge`, payload: { otherId: called } });
    expect(merge.status).toBe(200);
    expect(await greeting(full)).toEqual({
      givenNames: "Karl Stig Emanuel",
      greetingName: "Stig",
      greetingUncertain: false,
    });
    await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(await greeting(full)).toEqual({
      givenNames: "Karl Stig Emanuel",
      greetingName: "Karl",
      greetingUncertain: true,
    });
    // A record with only the first given name teaches nothing: forms take the first name.
    const first = await person({ givenNames: "Karl", surname: "Lundmark", birthDate: "1948-02-02" });
    const again = await api.call({ method: "POST", url: `/api/people/${full}/merge`, payload: { otherId: first } });
    expect(again.status).toBe(200);
    expect(await greeting(full)).toMatchObject({ greetingName: "Karl", greetingUncertain: true });
  });

  it("keeps the name's marking and a stage someone set when the newer record has only the names and defaults", async () => {
    const kept = await person({
      givenNames: "Eva Matilda Karin",
      preferredNameMarking: "30",
      surname: "Pettersson",
      lifecycleStage: "prospect",
      source: { system: "crm", receivedAt: "2025-05-01T10:00:00Z" },
    });
    // Arrives later from a web shop: the same names without a marking, no stage of its own. By
    // recency alone (the rule for stages, and for names between equally trusted sources) it wins.
    const later = await person({
      givenNames: "Eva Matilda Karin",
      surname: "Pettersson",
      source: { system: "webshop", receivedAt: "2025-10-01T10:00:00Z" },
    });
    const merge = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: later } });
    expect(merge.status).toBe(200);
    const body = (await api.call({ url: `/api/people/${kept}` })).body;
    expect(body).toMatchObject({ greetingName: "Karin", greetingUncertain: false, lifecycleStage: "prospect" });
  });

  it("asks about a new record's other likely matches through the record it was merged into", async () => {
    const greta = {
      surname: "Nyström",
      birthDate: "1958-04-17",
      address: { street: "Skolgatan 2", postalCode: "57131", city: "Nässjö" },
    };
    const first = await person({
      ...greta,
      givenNames: "Greta",
      emails: [{ address: "greta.nystrom@example.se" }],
      phones: [{ number: "0725551234" }],
    });
    const other = await person({ ...greta, givenNames: "Grete" });
    const arriving = await person({
      ...greta,
      givenNames: "Greta",
      emails: [{ address: "Greta.Nystrom@example.se" }],
      phones: [{ number: "072-555 12 34" }],
    });
    const matched = await api.call({ method: "POST", url: `/api/people/${arriving}/match` });
    expect(matched.body.merged).toBe(first);
    const pairs = (await api.call({ url: `/api/match-candidates?personId=${other}` })).body.items;
    expect(pairs.map((item: { personA: string; personB: string }) => [item.personA, item.personB])).toEqual([
      [first, other],
    ]);
  });

  it("remembers a pair marked distinct and never queues it again", async () => {
    const father = await person({
      givenNames: "Nils",
      surname: "Holm",
      birthDate: "1961-05-05",
      address: { street: "Bygatan 3", postalCode: "22350", city: "Lund" },
    });
    const son = await person({
      givenNames: "Nils",
      surname: "Holm",
      birthDate: "1991-05-05",
      address: { street: "Bygatan 3", postalCode: "22350", city: "Lund" },
    });
    const first = await api.call({ method: "POST", url: `/api/people/${son}/match` });
    const [pair] = (await api.call({ url: `/api/match-candidates?personId=${father}` })).body.items;
    if (first.body.queued > 0) {
      const decided = await api.call({ method: "POST", url: `/api/match-candidates/${pair.id}/distinct` });
      expect(decided.body.status).toBe("distinct");
      const second = await api.call({ method: "POST", url: `/api/people/${son}/match` });
      expect(second.body.queued).toBe(0);
    }
    // A father and son of the same name at the same address are never merged on their own.
    expect(first.body.merged).toBeNull();
    const still = await api.call({ url: `/api/people/${son}` });
    expect(still.body.mergedInto).toBeNull();
  });

  it("unmerges: both records come back as they were, with their activities, orders and events, and events since", async () => {
    const keep = await person({
      givenNames: "Maria",
      surname: "Ek",
      personnummer: "19720101-0019",
      emails: [{ address: "maria.ek@example.se" }],
      lifecycleStage: "customer",
    });
    const other = await person({
      givenNames: "Maria Elisabet",
      surname: "Ek",
      emails: [{ address: "m.ek@example.se" }],
      phones: [{ number: "0731112233" }],
      lifecycleStage: "lead",
    });
    await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId: other, kind: "call", subject: "Klagomål" },
    });
    await api.call({
      method: "POST",
      url: "/api/orders",
      payload: { personId: other, number: "E-77", totalSek: 12_500 },
    });
    await track([
      { type: "identify", anonymousId: "ek-mobil", traits: { email: "m.ek@example.se" } },
      { type: "page", anonymousId: "ek-mobil", name: "Kassa" },
    ]);
    const merge = await api.call({ method: "POST", url: `/api/people/${keep}/merge`, payload: { otherId: other } });
    expect(merge.status).toBe(200);
    const merged360 = await api.call({ url: `/api/people/${keep}/timeline` });
    const kinds = merged360.body.items.map((item: { kind: string }) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(["call", "order", "event"]));
    // A visit after the merge through the merged person's phone lands on the survivor…
    await track([{ type: "page", anonymousId: "ek-mobil", name: "Efter sammanslagning" }]);
    const afterMerge = await api.call({ url: "/api/events?anonymousId=ek-mobil&type=page" });
    expect(afterMerge.body.items.every((event: { personId: string }) => event.personId === keep)).toBe(true);
    // …and is given back to her with everything else on unmerge.
    const undo = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(undo.status).toBe(200);
    const restored = await api.call({ url: `/api/people/${other}` });
    expect(restored.body).toMatchObject({ mergedInto: null, givenNames: "Maria Elisabet", lifecycleStage: "lead" });
    expect(restored.body.emails.map((email: { address: string }) => email.address)).toEqual(["m.ek@example.se"]);
    expect(restored.body.phones.map((phone: { e164: string }) => phone.e164)).toEqual(["+46731112233"]);
    const survivor = await api.call({ url: `/api/people/${keep}` });
    expect(survivor.body).toMatchObject({
      givenNames: "Maria",
      lifecycleStage: "customer",
      personnummer: "197201010019",
    });
    expect(survivor.body.emails.map((email: { address: string }) => email.address)).toEqual(["maria.ek@example.se"]);
    const timeline = await api.call({ url: `/api/people/${other}/timeline` });
    const titles = timeline.body.items.map((item: { title: string }) => item.title);
    expect(titles).toEqual(expect.arrayContaining(["Klagomål", "Viewed Kassa", "Viewed Efter sammanslagning"]));
    const keepTimeline = await api.call({ url: `/api/people/${keep}/timeline` });
    expect(keepTimeline.body.items).toHaveLength(0);
    const twice = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(twice.status).toBe(409);
    const audit = await api.call({ url: `/api/audit-log?entityId=${keep}` });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["person.merge", "person.unmerge"]),
    );
  });

  it("puts the pair back in the queue when a merge is undone because the wrong record was kept", async () => {
    const older = await person({ givenNames: "Göran", surname: "Öberg", birthDate: "1961-05-07" });
    const newer = await person({
      givenNames: "Goran",
      surname: "Oberg",
      birthDate: "1961-05-07",
      emails: [{ address: "goran.oberg@example.se" }],
    });
    expect((await api.call({ method: "POST", url: `/api/people/${newer}/match` })).body.queued).toBe(1);
    const [pair] = (await api.call({ url: `/api/match-candidates?personId=${older}` })).body.items;
    const first = await api.call({
      method: "POST",
      url: `/api/match-candidates/${pair.id}/merge`,
      payload: { survivorId: newer },
    });
    expect(first.status).toBe(200);
    const undo = await api.call({
      method: "POST",
      url: `/api/merges/${first.body.id}/undo`,
      payload: { pair: "review" },
    });
    expect(undo.status).toBe(200);
    const queued = await api.call({ url: `/api/match-candidates?personId=${older}` });
    expect(queued.body.items).toEqual([expect.objectContaining({ id: pair.id, status: "open" })]);
    // Checking the record again does not merge the pair behind the reviewer's back.
    const checked = await api.call({ method: "POST", url: `/api/people/${newer}/match` });
    expect(checked.body.merged).toBeNull();
    const second = await api.call({
      method: "POST",
      url: `/api/match-candidates/${pair.id}/merge`,
      payload: { survivorId: older },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ survivorId: older, mergedId: newer });
    const bad = await api.call({
      method: "POST",
      url: `/api/merges/${second.body.id}/undo`,
      payload: { pair: "maybe" },
    });
    expect(bad.status).toBe(400);
  });

  it("keeps a consent withdrawn while the records were one withdrawn on both after an unmerge", async () => {
    const clock = api.services.clock as ManualClock;
    const kept = await person({
      givenNames: "Nils Carl",
      surname: "Hansson",
      emails: [{ address: "nils@example.se" }],
    });
    const shop = await person({ givenNames: "Nils", surname: "Hansson", emails: [{ address: "carl.h@example.se" }] });
    const consent = (id: string, payload: Record<string, unknown>) =>
      api.call({ method: "POST", url: `/api/people/${id}/consents`, payload });
    expect((await consent(shop, { purpose: "marketing", channel: "email", status: "granted" })).status).toBe(204);
    clock.advance(60_000);
    const merge = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: shop } });
    expect(merge.status).toBe(200);
    clock.advance(60_000);
    // The customer calls: no more offers by e-mail. And yes to text messages about orders.
    expect((await consent(kept, { purpose: "marketing", channel: "email", status: "withdrawn" })).status).toBe(204);
    expect((await consent(kept, { purpose: "orders", channel: "sms", status: "granted" })).status).toBe(204);
    clock.advance(60_000);
    expect((await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` })).status).toBe(200);

    const current = async (id: string) =>
      (await api.call({ url: `/api/people/${id}` })).body.consents.map(
        (row: { purpose: string; channel: string; status: string }) => `${row.purpose}/${row.channel}: ${row.status}`,
      );
    expect(await current(shop)).toEqual(["marketing/email: withdrawn"]);
    expect(await current(kept)).toEqual(expect.arrayContaining(["marketing/email: withdrawn", "orders/sms: granted"]));
    const message = await api.call({
      method: "POST",
      url: `/api/people/${shop}/messages`,
      payload: { purpose: "marketing", subject: "Erbjudande", body: "Hej {{ person.greetingName }}" },
    });
    expect(message.body).toMatchObject({ status: "suppressed" });
  });

  it("lets admins set or estimate m and u, and no one else", async () => {
    const settings = await api.call({ url: "/api/match-settings" });
    expect(settings.body.origin).toBe("default");
    const model = settings.body.model;
    const sales = await api.keyFor("sales");
    const refused = await api.call({ method: "PUT", url: "/api/match-settings", key: sales.key, payload: { model } });
    expect(refused.status).toBe(403);
    const bad = await api.call({
      method: "PUT",
      url: "/api/match-settings",
      payload: { model: { ...model, thresholds: { autoMerge: 0.9, review: 0.99 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toContain("thresholds");
    // A model saved as it was read comes back whole, with every flag and figure the matcher uses.
    const saved = await api.call({ method: "PUT", url: "/api/match-settings", payload: { model } });
    expect(saved.status).toBe(200);
    expect((await api.call({ url: "/api/match-settings" })).body.model).toEqual(model);
    const estimated = await api.call({
      method: "POST",
      url: "/api/match-settings/estimate",
      payload: { sampleSize: 1000 },
    });
    expect(estimated.status).toBe(200);
    expect(estimated.body.origin).toBe("estimated");
  });
});
