import { describe, expect, it } from "vitest";
import { parseIpv4 } from "./parse-ipv4";

describe("parseIpv4", () => {
  it("reads dotted quads as unsigned numbers", () => {
    expect(parseIpv4("0.0.0.0")).toBe(0);
    expect(parseIpv4("1.2.3.4")).toBe(0x01020304);
    expect(parseIpv4("255.255.255.255")).toBe(0xffffffff);
  });

  it("reads an address inside a longer line", () => {
    expect(parseIpv4("1.0.0.0,1.0.0.255,AU", 8, 17)).toBe(0x010000ff);
  });

  it("refuses what is not exactly four decimal octets", () => {
    for (const text of ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", "01.2.3.4", "1.2.3.4 ", "a.b.c.d"]) {
      expect(parseIpv4(text), text).toBe(-1);
    }
  });
});
