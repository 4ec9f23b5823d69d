import { beforeAll, describe, expect, it } from "vitest";
import { type CountryLookup, loadCountryLookup } from "./load-country-lookup";

// Expected countries are those the shipped CSV gives for the range around each address:
// 193.10.0.0–193.10.67.255 SE, 130.235.0.0–130.244.255.255 SE, 6.0.0.0–8.10.5.255 US,
// 81.2.64.0–81.2.127.255 GB, 1.1.1.0–1.1.1.255 AU, 2001:6b0::/32 SE, 2001:4860::/32 US,
// 2a00:1450::–2a00:1457:ffff:… IE.
describe("loadCountryLookup", () => {
  let lookup: CountryLookup;
  beforeAll(async () => {
    lookup = await loadCountryLookup();
  });

  it("finds the country of public IPv4 addresses", () => {
    expect(lookup.countryOf("193.10.5.1")).toBe("SE");
    expect(lookup.countryOf("130.237.0.1")).toBe("SE");
    expect(lookup.countryOf("8.8.8.8")).toBe("US");
    expect(lookup.countryOf("81.2.69.160")).toBe("GB");
    expect(lookup.countryOf("1.1.1.1")).toBe("AU");
  });

  it("finds the country of public IPv6 addresses and of IPv4 addresses mapped into IPv6", () => {
    expect(lookup.countryOf("2001:6b0:e:2::1")).toBe("SE");
    expect(lookup.countryOf("2001:4860:4860::8888")).toBe("US");
    expect(lookup.countryOf("2a00:1450:400f:80c::200e")).toBe("IE");
    expect(lookup.countryOf("::ffff:193.10.5.1")).toBe("SE");
  });

  it("gives null for private and special addresses, even where the registry data lists one", () => {
    // The CSV lists 172.16.0.0/12 and 192.168.0.0/16 under AU.
    for (const ip of [
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "127.0.0.1",
      "100.64.1.1",
      "::1",
      "fe80::1",
      "fd00::1",
    ]) {
      expect(lookup.countryOf(ip), ip).toBeNull();
    }
  });

  it("gives null for what is no address", () => {
    expect(lookup.countryOf("")).toBeNull();
    expect(lookup.countryOf("localhost")).toBeNull();
  });

  it("loads the data once and shares it", async () => {
    expect(await loadCountryLookup()).toBe(lookup);
  });
});
