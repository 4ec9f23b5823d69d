import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const DAY = 24 * 60 * 60 * 1000;

interface TAddressView {
  street: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Moves registered after the fact: an address the register only learnt of (an import) says nothing
 * of when the customer moved in, so a move dated before it is taken; an address with a stated
 * moving date is not silently overtaken by an earlier one.
 */
describe.each(STORE_KINDS)("moves dated before the current address [%s]", (kind) => {
  let api: TestApi;
  let clock: ManualClock;
  beforeAll(async () => {
    api = await openTestApi(kind);
    clock = api.services.clock as ManualClock;
  });
  afterAll(async () => api?.close());

  const addressesOf = async (id: string): Promise<TAddressView[]> =>
    (await api.call({ url: `/api/people/${id}` })).body.addresses;
  const move = (id: string, payload: Record<string, unknown>) =>
    api.call({ method: "POST", url: `/api/people/${id}/addresses`, payload });

  it("takes a move from before an imported address's arrival, and keeps the imported one as history", async () => {
    const imported = await api.call({
      method: "POST",
      url: "/api/imports/people?system=webshop",
      headers: { "content-type": "text/csv" },
      payload:
        "Kundnummer;Förnamn;Efternamn;Gatuadress;Postnummer;Ort\nK1;Nils Carl;Hansson;Storgatan 1;11122;Stockholm",
    });
    expect(imported.body).toMatchObject({ created: 1 });
    const importedAt = clock.now();
    const id = (await api.call({ url: "/api/people?q=Hansson" })).body.items[0].id as string;
    clock.advance(2 * DAY);
    // The customer calls: "I moved on the 20th of December", before the web shop's file arrived.
    const movedAt = new Date(importedAt.getTime() - 12 * DAY).toISOString();
    const moved = await move(id, { street: "Kvarngatan 3", postalCode: "41301", city: "Göteborg", validFrom: movedAt });
    expect(moved.status).toBe(201);
    const addresses = await addressesOf(id);
    const current = addresses.filter((address) => address.validTo === null);
    expect(current).toEqual([expect.objectContaining({ street: "Kvarngatan 3", validFrom: movedAt })]);
    expect(addresses.find((address) => address.street === "Storgatan 1")).toMatchObject({
      validFrom: importedAt.toISOString(),
      validTo: importedAt.toISOString(),
    });
    expect((await api.call({ url: "/api/people?city=Göteborg" })).body.items.map((p: { id: string }) => p.id)).toEqual([
      id,
    ]);
  });

  it("refuses a move dated before a moving date someone stated", async () => {
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Eva", surname: "Flytt" },
    });
    const id = person.body.id as string;
    const statedAt = new Date(clock.now().getTime() - 5 * DAY).toISOString();
    expect(
      (await move(id, { street: "Ågatan 1", postalCode: "75320", city: "Uppsala", validFrom: statedAt })).status,
    ).toBe(201);
    const earlier = await move(id, {
      street: "Åsgatan 9",
      postalCode: "75320",
      city: "Uppsala",
      validFrom: new Date(clock.now().getTime() - 30 * DAY).toISOString(),
    });
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors).toEqual([expect.objectContaining({ field: "validFrom", code: "before_current" })]);
    expect((await addressesOf(id)).filter((address) => address.validTo === null)).toEqual([
      expect.objectContaining({ street: "Ågatan 1" }),
    ]);
  });
});
