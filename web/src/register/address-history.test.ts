import { describe, expect, it } from "vitest";
import { splitAddressHistory } from "./address-history";
import type { Address } from "./types";

const address = (id: string, street: string, validFrom: string, validTo: string | null, system = "crm"): Address => ({
  id,
  kind: "home",
  street,
  careOf: null,
  box: null,
  apartment: null,
  postalCode: "831 45",
  city: "Östersund",
  country: "SE",
  validFrom,
  validTo,
  source: { system, externalId: null, receivedAt: validFrom },
});

describe("splitAddressHistory", () => {
  it("folds a merged record's copy of the current address into it, with its earlier start and its source", () => {
    const { current, earlier } = splitAddressHistory([
      address("now", "Tallvägen 14", "2025-04-01T00:00:00Z", null),
      address("copy", "tallvägen 14 ", "2020-02-01T00:00:00Z", "2026-11-23T06:48:00Z", "webshop"),
      address("same form", "Tallvägen 14", "2025-04-01T00:00:00Z", "2026-11-23T06:48:00Z"),
      address("before", "Storgatan 1", "2012-01-01T00:00:00Z", "2020-02-01T00:00:00Z"),
    ]);
    expect(current).toHaveLength(1);
    expect(current[0]?.since).toBe("2020-02-01T00:00:00Z");
    expect(current[0]?.sources.map((source) => source.system)).toEqual(["crm", "webshop"]);
    expect(earlier.map((entry) => entry.id)).toEqual(["before"]);
  });

  it("keeps a real earlier stay at the same address, before the customer moved away and back", () => {
    const { current, earlier } = splitAddressHistory([
      address("back", "Tallvägen 14", "2022-06-01T00:00:00Z", null),
      address("away", "Storgatan 1", "2018-03-01T00:00:00Z", "2022-06-01T00:00:00Z"),
      address("first", "Tallvägen 14", "2015-01-01T00:00:00Z", "2018-03-01T00:00:00Z"),
    ]);
    expect(current[0]?.since).toBe("2022-06-01T00:00:00Z");
    expect(earlier.map((entry) => entry.id)).toEqual(["away", "first"]);
  });
});
