import { describe, expect, it } from "vitest";
import { buildRangeTable, type ParseKey } from "./build-range-table";
import { lookupRangeTable } from "./lookup-range-table";
import { parseIpv4 } from "./parse-ipv4";
import { parseIpv6 } from "./parse-ipv6";

const parseV4: ParseKey = (text, from, to, into, at) => {
  const value = parseIpv4(text, from, to);
  into[at] = value;
  return value >= 0;
};

function countryOfV4(csv: string, ip: string): string | null {
  return lookupRangeTable(buildRangeTable(csv, 1, parseV4), Uint32Array.of(parseIpv4(ip)));
}

describe("buildRangeTable and lookupRangeTable", () => {
  it("finds the range an address falls in and nothing in the gaps", () => {
    const csv = "1.0.0.0,1.0.0.255,AU\n1.0.1.0,1.0.3.255,CN\n2.0.0.0,2.0.0.255,SE\n";
    expect(countryOfV4(csv, "0.255.255.255")).toBeNull();
    expect(countryOfV4(csv, "1.0.0.0")).toBe("AU");
    expect(countryOfV4(csv, "1.0.0.255")).toBe("AU");
    expect(countryOfV4(csv, "1.0.2.9")).toBe("CN");
    expect(countryOfV4(csv, "1.0.4.0")).toBeNull();
    expect(countryOfV4(csv, "2.0.0.128")).toBe("SE");
    expect(countryOfV4(csv, "2.0.1.0")).toBeNull();
  });

  it("lets a range nested in a broader one win inside it, and the broader one resume after it", () => {
    const csv = "3.0.0.0,3.0.7.255,DE\n3.0.2.0,3.0.2.7,TR\n3.0.2.0,3.0.2.3,NL\n";
    expect(countryOfV4(csv, "3.0.1.255")).toBe("DE");
    expect(countryOfV4(csv, "3.0.2.2")).toBe("NL");
    expect(countryOfV4(csv, "3.0.2.5")).toBe("TR");
    expect(countryOfV4(csv, "3.0.2.8")).toBe("DE");
    expect(countryOfV4(csv, "3.0.7.255")).toBe("DE");
    expect(countryOfV4(csv, "3.0.8.0")).toBeNull();
  });

  it("merges neighbouring ranges of one country and handles the last address", () => {
    const csv = "4.0.0.0,4.0.0.255,SE\n4.0.1.0,4.0.1.255,SE\n255.255.255.0,255.255.255.255,FI\n";
    const table = buildRangeTable(csv, 1, parseV4);
    expect(table.codes.length).toBe(3);
    expect(lookupRangeTable(table, Uint32Array.of(parseIpv4("255.255.255.255")))).toBe("FI");
  });

  it("works on four-word IPv6 keys", () => {
    const csv =
      "2001:200::,2001:218:2000:51:ffff:ffff:ffff:ffff,AU\n2001:6b0::,2001:6b0:ffff:ffff:ffff:ffff:ffff:ffff,SE\n";
    const table = buildRangeTable(csv, 4, parseIpv6);
    const key = new Uint32Array(4);
    const find = (ip: string) => (parseIpv6(ip, 0, ip.length, key) ? lookupRangeTable(table, key) : "bad");
    expect(find("2001:6b0:1::1")).toBe("SE");
    expect(find("2001:218:2000:51::9")).toBe("AU");
    expect(find("2001:218:2000:52::")).toBeNull();
    expect(find("2001:6b1::")).toBeNull();
  });

  it("refuses data that is not sorted, rather than answering wrongly", () => {
    expect(() => buildRangeTable("2.0.0.0,2.0.0.255,SE\n1.0.0.0,1.0.0.255,AU\n", 1, parseV4)).toThrow(/sorted/);
  });
});
