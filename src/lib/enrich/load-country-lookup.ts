import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildRangeTable, type ParseKey, type RangeTable } from "./build-range-table";
import { isReservedIpv4, isReservedIpv6 } from "./is-reserved-address";
import { lookupRangeTable } from "./lookup-range-table";
import { parseIpv4 } from "./parse-ipv4";
import { parseIpv6 } from "./parse-ipv6";
import { readIpAddress } from "./read-ip-address";

export interface CountryLookup {
  /** ISO 3166-1 alpha-2 code of the country an address is registered in; null for private or unknown. */
  countryOf(ip: string): string | null;
}

const PACKAGE = "@ip-location-db/geo-whois-asn-country";

const parseV4Key: ParseKey = (text, from, to, into, at) => {
  const value = parseIpv4(text, from, to);
  into[at] = value;
  return value >= 0;
};

let loading: Promise<CountryLookup> | undefined;

/**
 * The address-to-country table from the registry data shipped in the npm package, read once per
 * process: every caller shares the first load, and a failed load is tried again next time.
 */
export function loadCountryLookup(): Promise<CountryLookup> {
  loading ??= buildCountryLookup().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function buildCountryLookup(): Promise<CountryLookup> {
  const folder = dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  const [v4Text, v6Text] = await Promise.all([
    readFile(join(folder, "geo-whois-asn-country-ipv4.csv"), "latin1"),
    readFile(join(folder, "geo-whois-asn-country-ipv6.csv"), "latin1"),
  ]);
  return createCountryLookup(buildRangeTable(v4Text, 1, parseV4Key), buildRangeTable(v6Text, 4, parseIpv6));
}

function createCountryLookup(v4: RangeTable, v6: RangeTable): CountryLookup {
  const key = new Uint32Array(4);
  return {
    countryOf(ip) {
      if (typeof ip !== "string") return null;
      const kind = readIpAddress(ip, key);
      if (kind === 4) return isReservedIpv4(key[0] ?? 0) ? null : lookupRangeTable(v4, key);
      if (kind === 6) return isReservedIpv6(key) ? null : lookupRangeTable(v6, key);
      return null;
    },
  };
}
