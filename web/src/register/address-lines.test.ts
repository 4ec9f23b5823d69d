import { describe, expect, it } from "vitest";
import { addressLines } from "./address-lines";
import type { Address } from "./types";

const base: Address = {
  id: "a",
  kind: "home",
  street: "Storgatan 1",
  careOf: null,
  box: null,
  apartment: null,
  postalCode: "753 20",
  city: "Uppsala",
  country: "SE",
  validFrom: "2026-01-01T00:00:00Z",
  validTo: null,
  source: { system: "web", externalId: null, receivedAt: "2026-01-01T00:00:00Z" },
};

describe("address lines", () => {
  it("writes a Swedish address in two lines, without the country", () => {
    expect(addressLines(base)).toEqual(["Storgatan 1", "753 20 Uppsala"]);
  });

  it("adds c/o, the flat number and a foreign country where there are any", () => {
    expect(addressLines({ ...base, careOf: "Lind", apartment: "1102", country: "NO" })).toEqual([
      "c/o Lind",
      "Storgatan 1, lgh 1102",
      "753 20 Uppsala",
      "NO",
    ]);
  });
});
