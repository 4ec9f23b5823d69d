import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deduplicateRegister } from "../../src/flows/deduplicate-register";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("deduplicating the whole register [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  const person = async (payload: Record<string, unknown>) =>
    (await api.call({ method: "POST", url: "/api/people", payload })).body.id as string;

  it("merges the certain duplicates, queues the likely ones and leaves the rest, reporting counts first on a dry run", async () => {
    const anna = await person({
      givenNames: "Anna Karin",
      preferredGivenName: "Karin",
      surname: "Sjöberg",
      birthDate: "1979-06-01",
      emails: [{ address: "karin.sjoberg@example.se" }],
      phones: [{ number: "0709998877" }],
    });
    const annaAgain = await person({
      givenNames: "Karin",
      surname: "Sjöberg",
      birthDate: "1979-06-01",
      emails: [{ address: "Karin.Sjoberg@example.se" }],
      phones: [{ number: "+46 70 999 88 77" }],
    });
    const lasse = await person({
      givenNames: "Lars",
      surname: "Ahlgren",
      birthDate: "1955-02-14",
      address: { street: "Åsgatan 9", postalCode: "79131", city: "Falun" },
    });
    const lasseMaybe = await person({
      givenNames: "Lasse",
      surname: "Ahlgren",
      birthDate: "1955-02-14",
      address: { street: "Åsgatan 9", postalCode: "791 31", city: "Falun" },
    });
    const stranger = await person({ givenNames: "Olof", surname: "Berg", birthDate: "1990-09-09" });
    const ctx = api.services.systemCtx("test");
    const dry = await deduplicateRegister(ctx, { dryRun: true });
    expect(dry.records).toBe(5);
    expect(dry.merged).toBeGreaterThanOrEqual(1);
    // The dry run wrote nothing: Karin's second record is still there.
    expect((await api.call({ url: `/api/people/${annaAgain}` })).body.mergedInto).toBeNull();
    const real = await deduplicateRegister(ctx);
    expect({ merged: real.merged, queued: real.queued }).toEqual({ merged: dry.merged, queued: dry.queued });
    const merged = await api.call({ url: `/api/people/${annaAgain}` });
    expect(merged.body.mergedInto).toBe(anna);
    const review = await api.call({ url: `/api/match-candidates?personId=${lasse}` });
    const lasseMerged = (await api.call({ url: `/api/people/${lasseMaybe}` })).body.mergedInto;
    // Lasse is Lars's nickname: either a person reviews the pair or the matcher was sure.
    expect(review.body.items.length === 1 || lasseMerged === lasse).toBe(true);
    expect((await api.call({ url: `/api/people/${stranger}` })).body.mergedInto).toBeNull();
  });

  it("queues the likely pairs between the people left after the merges, once per pair of people", async () => {
    const ctx = api.services.systemCtx("test");
    await deduplicateRegister(ctx);
    const helga = {
      surname: "Brandström",
      birthDate: "1948-10-30",
      address: { street: "Tallvägen 14", postalCode: "83145", city: "Östersund" },
    };
    // Two records of Helga that agree on everything, two of "Hella" likewise: each pair is certain,
    // and each Helga is likely one of the Hellas.
    const helga1 = await person({ ...helga, givenNames: "Helga", phones: [{ number: "0705550101" }] });
    const helga2 = await person({ ...helga, givenNames: "Helga", phones: [{ number: "070-555 01 01" }] });
    const hella = { ...helga, givenNames: "Hella" };
    const hella1 = await person({ ...hella, emails: [{ address: "hella.b@example.se" }] });
    const hella2 = await person({ ...hella, emails: [{ address: "Hella.B@example.se" }] });
    await deduplicateRegister(ctx);
    const mergedInto = async (id: string) => (await api.call({ url: `/api/people/${id}` })).body.mergedInto;
    expect(await mergedInto(helga2)).toBe(helga1);
    expect(await mergedInto(hella2)).toBe(hella1);
    const open = (await api.call({ url: "/api/match-candidates?status=open&limit=200" })).body.items as Array<{
      personA: string;
      personB: string;
    }>;
    // Four likely pairs between the two pairs of records, one question between the two people left.
    const theirs = open.filter((item) => [helga1, helga2, hella1, hella2].includes(item.personA));
    expect(theirs.map((item) => [item.personA, item.personB])).toEqual([[helga1, hella1]]);
    for (const item of open) {
      expect(await mergedInto(item.personA)).toBeNull();
      expect(await mergedInto(item.personB)).toBeNull();
    }
  });
});
